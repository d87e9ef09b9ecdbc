package dev.r58ctl.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Redaction of configuration text: every style the recorder's files come in, line for line. */
class BundleRedactorTest {
    @Test
    void yamlValuesGoKeysCommentsAndOtherValuesStay() {
        assertEquals("db:\n  user: rec\n  password: <redacted>  # rotated monthly\n  host: 127.0.0.1\n",
                Redactor.redact("db:\n  user: rec\n  password: hunter2 with spaces  # rotated monthly\n  host: 127.0.0.1\n"));
        assertEquals("auth: {user: rec, Api_Token: <redacted>, port: 80}\n",
                Redactor.redact("auth: {user: rec, Api_Token: abc, port: 80}\n"));
        assertEquals("secret: \"<redacted>\"\nkeys: '<redacted>'\n", Redactor.redact("secret: \"a \\\" b\"\nkeys: 'x'\n"));
    }

    @Test
    void iniEnvJsonAndCommandLineStyles() throws Exception {
        assertEquals("[mediamtx]\nauth_password = <redacted>\nport=8554\n",
                Redactor.redact("[mediamtx]\nauth_password = s3cret\nport=8554\n"));
        assertEquals("export API_TOKEN=<redacted>\nLOG=debug\n", Redactor.redact("export API_TOKEN=abc\nLOG=debug\n"));
        assertEquals("run --api-key=<redacted> --verbose url=http://h/?token=<redacted>&x=1\n",
                Redactor.redact("run --api-key=abc --verbose url=http://h/?token=t0k&x=1\n"));
        String json = "{\n  \"secret_key\": \"x\",\n  \"token_ttl\": 30,\n  \"name\": \"r58\"\n}\n";
        String out = Redactor.redact(json);
        assertEquals("{\n  \"secret_key\": \"<redacted>\",\n  \"token_ttl\": \"<redacted>\",\n  \"name\": \"r58\"\n}\n", out);
        assertEquals(3, new ObjectMapper().readTree(out).size(), "still JSON");
    }

    @Test
    void aSecretKeyThatOpensABlockHidesTheBlockAndOnlyIt() {
        String yaml = "secrets:\n  db: hunter2\n  - abc\n\n  api:\n    token: x\ncert_key: |\n  -----BEGIN-----\n  MIIB\n"
                + "cameras:\n  cam0: {codec: h264}\n";
        assertEquals("secrets:\n  db: <redacted>\n  - <redacted>\n\n  api:\n    token: <redacted>\ncert_key: |\n"
                + "  <redacted>\n  <redacted>\ncameras:\n  cam0: {codec: h264}\n", Redactor.redact(yaml));
        String json = "{\n  \"keys\": {\n    \"a\": 1,\n    \"b\": \"c\"\n  },\n  \"d\": 2\n}";
        assertEquals("{\n  \"keys\": {\n    \"a\": \"<redacted>\",\n    \"b\": \"<redacted>\"\n  },\n  \"d\": 2\n}",
                Redactor.redact(json));
    }

    @Test
    void keyFrameSettingsAreEvidenceNotSecrets() {
        String yaml = "encoders:\n  x264enc: {tune: film, key-int-max: 60}\n  x265enc:\n    keyint: 30\n"
                + "    keyframe-interval: 2\n    KEY_INT_MAX: 5\napi-key: abc\nkey: k\nssh_key_file: /root/.ssh/id\n";
        assertEquals("encoders:\n  x264enc: {tune: film, key-int-max: 60}\n  x265enc:\n    keyint: 30\n"
                + "    keyframe-interval: 2\n    KEY_INT_MAX: 5\napi-key: <redacted>\nkey: <redacted>\n"
                + "ssh_key_file: <redacted>\n", Redactor.redact(yaml));
        assertEquals("x264enc key-int-max=30 --api-key=<redacted>\n",
                Redactor.redact("x264enc key-int-max=30 --api-key=abc\n"));
    }

    @Test
    void lineCountAndLineEndingsAreKept() {
        String crlf = "password: a\r\nuser: b\r\n\r\n";
        assertEquals("password: <redacted>\r\nuser: b\r\n\r\n", Redactor.redact(crlf));
        assertEquals("no newline at the end: token=<redacted>", Redactor.redact("no newline at the end: token=x"));
        assertEquals("", Redactor.redact(""));
    }
}
