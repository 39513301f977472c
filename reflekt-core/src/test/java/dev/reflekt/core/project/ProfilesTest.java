package dev.reflekt.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflekt.core.ReflektException;
import dev.reflekt.core.TestProject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {

    private static final String SECRET = "s3cr3t-token-value";

    @TempDir
    Path dir;

    private TestProject project(String profiles) {
        return TestProject.create(dir).write("reflekt_profiles.yml", profiles);
    }

    private static final String PROFILES = """
            version: 1.0
            dev:
              registry:
                - type: segment
                  api_token: "{{ env_var('SEGMENT_TOKEN') }}"
              source:
                - id: snowflake
                  type: snowflake
                  account: "acct-{{ env_var('SF_ACCOUNT', 'default-acct') }}"
                  password: plain-in-file
            other:
              source: []
            """;

    /** The Python CLI's template writes {@code do_not_track} beside the profiles (so does the Iglu corpus). */
    @Test
    void thePythonCliTopLevelKeysAreNotProfiles() throws Exception {
        Profiles profiles = project("version: 1.0\ndo_not_track: true\ndev:\n  registry: []\n  source: []\n")
                .load()
                .profiles(Map.of());
        assertThat(profiles.profile("dev").sources()).isEmpty();
        assertThatThrownBy(() -> project("do_not_track: [x]\ndev:\n  source: []\n")
                        .load()
                        .profiles(Map.of()))
                .hasMessageContaining("profile 'do_not_track' must be a mapping");
    }

    @Test
    void aMissingProfilesFileSaysToCopyTheExampleBesideIt() throws Exception {
        TestProject p = TestProject.create(dir);
        assertThatThrownBy(() -> p.load().profiles(Map.of()))
                .hasMessage("Profiles file reflekt_profiles.yml not found (profiles_path in reflekt_project.yml)."
                        + " Create it, or set profiles_path to where it is.");
        p.write("reflekt_profiles.example.yml", "local:\n  source: []\n");
        assertThatThrownBy(() -> p.load().profiles(Map.of()))
                .hasMessage("Profiles file reflekt_profiles.yml not found (profiles_path in reflekt_project.yml)."
                        + " Copy reflekt_profiles.example.yml to reflekt_profiles.yml (it names secrets only as"
                        + " {{ env_var('...') }}), or set profiles_path to where yours is.");
    }

    @Test
    void lintNeedsNoProfilesFile() throws Exception {
        TestProject p = TestProject.create(dir).schema("a/Cart_Viewed/1-0.json", "Cart Viewed", "{}");
        assertThat(p.lint().findings()).isEmpty();
    }

    @Test
    void readsTheDefaultProfileAndExpandsEnvVars() throws Exception {
        Profiles profiles = project(PROFILES).load().profiles(Map.of("SEGMENT_TOKEN", SECRET));
        Profiles.Profile dev = profiles.profile(null);
        assertThat(dev.name()).isEqualTo("dev");
        ProfileEntry segment = dev.registries().get(0);
        assertThat(segment.type()).isEqualTo("segment");
        assertThat(segment.require("api_token")).isEqualTo(SECRET);
        assertThat(segment.origin("api_token")).isEqualTo("environment variable SEGMENT_TOKEN");
        ProfileEntry snowflake = dev.sources().get(0);
        assertThat(snowflake.id()).isEqualTo("snowflake");
        assertThat(snowflake.require("account")).isEqualTo("acct-default-acct");
        assertThat(snowflake.origin("password")).isEqualTo("reflekt_profiles.yml:10:7");
        assertThat(segment.toString()).doesNotContain(SECRET).contains("api_token");
        assertThat(profiles.profile("other").sources()).isEmpty();
    }

    @Test
    void unsetVariableWithoutDefaultNamesTheVariableNotAValueWhenTheEntryIsUsed() throws Exception {
        TestProject p = project(PROFILES);
        Profiles profiles = p.load().profiles(Map.of()); // reading the file needs no variable
        ProfileEntry snowflake = profiles.profile("dev").sources().get(0).resolved(); // its variable has a default
        assertThat(snowflake.origin("account"))
                .isEqualTo("the default of environment variable SF_ACCOUNT (unset) at reflekt_profiles.yml:9:7");
        assertThat(profiles.profile("other").sources()).isEmpty(); // another profile's variables do not matter
        assertThatThrownBy(() -> profiles.profile("dev").registries().get(0).resolved())
                .isInstanceOf(ReflektException.class)
                .hasMessage("reflekt_profiles.yml:5:7: 'api_token' uses environment variable SEGMENT_TOKEN, which is"
                        + " not set; export it or give a default: {{ env_var('SEGMENT_TOKEN', 'default') }}.");
    }

    @Test
    void unknownProfileListsTheKnownOnes() throws Exception {
        Profiles profiles = project(PROFILES).load().profiles(Map.of("SEGMENT_TOKEN", SECRET));
        assertThatThrownBy(() -> profiles.profile("prod"))
                .hasMessage("Profile 'prod' is not in reflekt_profiles.yml; it has [dev, other]. Use one of them"
                        + " (-Dreflekt.profile=<name>).");
    }

    @Test
    void missingRequiredKeySaysWhichEntry() throws Exception {
        ProfileEntry entry = project(PROFILES)
                .load()
                .profiles(Map.of("SEGMENT_TOKEN", SECRET))
                .profile("dev")
                .sources()
                .get(0);
        assertThatThrownBy(() -> entry.require("warehouse"))
                .hasMessage("reflekt_profiles.yml:7:7: 'snowflake' entry 'snowflake' has no 'warehouse'; add it (a"
                        + " secret can be written {{ env_var('NAME') }}).");
    }

    @Test
    void missingFileAndBadShapes() {
        assertThatThrownBy(() -> TestProject.create(dir).load().profiles(Map.of()))
                .hasMessageStartingWith("Profiles file reflekt_profiles.yml not found");
        TestProject p = project("dev:\n  registry:\n    type: segment\n  source:\n    - account: x\n");
        assertThatThrownBy(() -> p.load().profiles(Map.of()))
                .isInstanceOfSatisfying(
                        ReflektException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "reflekt_profiles.yml:2:3: 'registry' must be a list of entries, each starting with '- type: ...'.",
                                        "reflekt_profiles.yml:5:7: entry has no 'type'; add one (e.g. type: segment, type: snowflake)."));
    }
}
