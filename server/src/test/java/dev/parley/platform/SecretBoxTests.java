package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTests {

    @TempDir
    Path dataDir;

    @Test
    void sealsSoThatOnlyTheSameKeyAndWorkspaceOpen() {
        SecretBox box = SecretBox.of(Base64.getEncoder().encodeToString(new byte[32]), dataDir.resolve("unused"));

        String sealed = box.seal("sk-secret-value", "store_a");

        assertThat(sealed).startsWith("v1:").doesNotContain("sk-secret-value");
        assertThat(box.seal("sk-secret-value", "store_a")).isNotEqualTo(sealed);
        assertThat(box.open(sealed, "store_a")).isEqualTo("sk-secret-value");
        assertThatThrownBy(() -> box.open(sealed, "store_b")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecretBox.withKey(new byte[] {
                            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
                            26, 27, 28, 29, 30, 31, 32
                        })
                        .open(sealed, "store_a"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Files.exists(dataDir.resolve("unused"))).isFalse();
    }

    @Test
    void generatesAKeyFileOnFirstStartAndReusesIt() throws Exception {
        Path file = dataDir.resolve("nested/secret.key");

        String sealed = SecretBox.of(null, file).seal("sk-secret-value", "store_a");
        String reopened = SecretBox.of("", file).open(sealed, "store_a");

        assertThat(reopened).isEqualTo("sk-secret-value");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void refusesAShortPassphrase() {
        assertThatThrownBy(() -> SecretBox.of("too-short", dataDir.resolve("secret.key")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PARLEY_SECRET_KEY");
    }
}
