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
