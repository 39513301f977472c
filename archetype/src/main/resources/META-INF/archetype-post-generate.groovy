// The example schemas follow the collector (-Dsdk): Snowplow has no identify call but entities, so a Snowplow
// project gets the Product entity instead of Identify; the others keep Identify and need no entity.
import java.nio.file.Files
import java.nio.file.Path

Path schemas = Path.of(request.outputDirectory, request.artifactId, 'schemas', request.properties.get('reflektName'))
boolean snowplow = request.properties.get('sdk') == 'snowplow'
Path drop = schemas.resolve(snowplow ? 'Identify' : 'Product')
if (Files.isDirectory(drop)) {
    drop.toFile().deleteDir()
}

// The `local` profile works at once: reflekt_profiles.yml (ignored by git) gets the example's `local` profile, an
// embedded DuckDB file that reflekt:load-events fills, with no account and no secret. Copy the rest of the example
// when you have a warehouse or a registry.
Path project = Path.of(request.outputDirectory, request.artifactId)
Path profiles = project.resolve('reflekt_profiles.yml')
if (!Files.exists(profiles)) {
    String example = Files.readString(project.resolve('reflekt_profiles.example.yml'))
    int from = example.indexOf('\nlocal:')
    int to = example.indexOf('\n\n', from + 1)
    Files.writeString(profiles, '# Made with the project from reflekt_profiles.example.yml: the local profile only. Ignored by git;\n'
            + '# copy more profiles from the example (secrets only as {{ env_var(\'NAME\') }}).\nversion: 1.0\n'
            + example.substring(from, to < 0 ? example.length() : to).stripLeading() + '\n')
}
