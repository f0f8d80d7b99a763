package dev.parley.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.ApiTest;
import dev.parley.support.Multipart;
import dev.parley.tenancy.internal.TenancyFixtures;
import dev.parley.tenancy.internal.TenancyFixtures.TestWorkspace;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
@Tag("database")
class DocumentImportTests {

    static final String DOCUMENTS = "/v1/knowledge-base/documents";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @LocalServerPort
    int port;

    @Autowired
    TenancyFixtures fixtures;

    TestWorkspace workspace;
    Api api;

    @BeforeEach
    void setUp() {
        workspace = fixtures.workspace();
        api = Api.at(port).withKey(workspace.liveKey());
    }

    @Test
    void importsAPdfUploadedAsAFormAndFindsItsText() throws IOException {
        byte[] pdf = pdf(
                "Return policy",
                "Return policy",
                "Unworn shoes can be sent back within 45 days of delivery for a full refund.",
                "Refunds reach the original card within five business days.");

        Api.Response created = new Multipart()
                .file("file", "returns.pdf", "application/pdf", pdf)
                .field("category", "policies")
                .field("tags", "returns, refunds")
                .post(api, DOCUMENTS);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode document = created.json();
        assertThat(document.path("document_id").asString()).startsWith("kb_");
        assertThat(document.path("title").asString()).isEqualTo("Return policy");
        assertThat(document.path("filename").asString()).isEqualTo("returns.pdf");
        assertThat(document.path("content_type").asString()).isEqualTo("application/pdf");
        assertThat(document.path("category").asString()).isEqualTo("policies");
        assertThat(document.path("tags").valueStream().map(JsonNode::asString)).containsExactly("returns", "refunds");
        assertThat(document.path("status").asString()).isEqualTo("published");
        assertThat(document.path("indexed").asBoolean()).isTrue();
        assertThat(document.path("chunk_count").asInt()).isPositive();
        assertThat(document.path("created_at").asString()).isNotBlank();
        assertThat(document.path("updated_at").asString()).isNotBlank();

        JsonNode hit = search("how many days do I have to send shoes back?").getFirst();
        assertThat(hit.path("source_id").asString())
                .isEqualTo(document.path("document_id").asString());
        assertThat(hit.path("text").asString()).contains("45 days");
    }

    @Test
    void importsADocxKeepingItsHeadings() throws IOException {
        byte[] docx = docx(
                "Size guide",
                "Our sneakers run half a size small, so order half a size up from your usual size.",
                "Boots fit true to size.");

        Api.Response created = new Multipart()
                .file("file", "sizes.docx", DOCX, docx)
                .field("title", "Oʻlchamlar jadvali")
                .post(api, DOCUMENTS);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("title").asString()).isEqualTo("Oʻlchamlar jadvali");
        assertThat(created.json().path("content_type").asString()).isEqualTo(DOCX);
        JsonNode hit = search("do sneakers run small?").getFirst();
        assertThat(hit.path("source_id").asString())
                .isEqualTo(created.json().path("document_id").asString());
        assertThat(hit.path("heading").asString()).isEqualTo("Size guide");
    }

    @Test
    void titlesADocxByItsFirstHeadingWhenNoneIsGiven() throws IOException {
        Api.Response created = new Multipart()
                .file("file", "sizes.docx", DOCX, docx("Size guide", "Boots fit true to size."))
                .post(api, DOCUMENTS);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("title").asString()).isEqualTo("Size guide");
    }

    @Test
    void importsAnHtmlPageSentAsTheRawBody() {
        String html = """
                <!doctype html><html><head><title>Delivery</title><style>p{color:red}</style></head>
                <body><h1>Delivery</h1><h2>Abroad</h2>
                <p>We ship to Kazakhstan and Kyrgyzstan by courier; parcels arrive within ten days.</p></body></html>
                """;

        Api.Response created = api.send(
                "POST",
                DOCUMENTS + "?filename=delivery.html&category=shipping",
                "text/html; charset=utf-8",
                html.getBytes(StandardCharsets.UTF_8));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("title").asString()).isEqualTo("Delivery");
        assertThat(created.json().path("content_type").asString()).isEqualTo("text/html");
        JsonNode hit = search("do you deliver to Kazakhstan?").getFirst();
        assertThat(hit.path("source_id").asString())
                .isEqualTo(created.json().path("document_id").asString());
        assertThat(hit.path("heading").asString()).isEqualTo("Delivery > Abroad");
    }

    @Test
    void importsMarkdownAndPlainText() {
        String markdown = "# Gift cards\n\nGift cards never expire and can be used online and in our Tashkent store.\n";
        String text = "Our shop is open from nine in the morning to eight in the evening, every day except Sunday.\n";

        Api.Response md = new Multipart()
                .file("file", "gift-cards.md", "text/markdown", markdown.getBytes(StandardCharsets.UTF_8))
                .post(api, DOCUMENTS);
        Api.Response txt = api.send(
                "POST", DOCUMENTS + "?filename=hours.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8));

        assertThat(md.status()).as(md.toString()).isEqualTo(201);
        assertThat(md.json().path("title").asString()).isEqualTo("Gift cards");
        assertThat(md.json().path("content_type").asString()).isEqualTo("text/markdown");
        assertThat(txt.status()).as(txt.toString()).isEqualTo(201);
        assertThat(txt.json().path("title").asString()).isEqualTo("hours.txt");
        assertThat(txt.json().path("content_type").asString()).isEqualTo("text/plain");
        assertThat(search("do gift cards expire?").getFirst().path("source_id").asString())
                .isEqualTo(md.json().path("document_id").asString());
        assertThat(search("when are you open on Sunday?")
                        .getFirst()
                        .path("source_id")
                        .asString())
                .isEqualTo(txt.json().path("document_id").asString());
    }

    @Test
    void listsGetsAndDeletesDocumentsButNotArticles() {
        String id = importText("warranty.txt", "Every watch carries a two year warranty against defects.");
        api.post("/v1/knowledge-base", Map.of("title", "An article", "content", "Not a document."));

        JsonNode list = api.get(DOCUMENTS).json();
        Api.Response one = api.get(DOCUMENTS + "/" + id);
        Api.Response deleted = api.delete(DOCUMENTS + "/" + id);

        assertThat(list.path("data")
                        .valueStream()
                        .map(d -> d.path("document_id").asString()))
                .containsExactly(id);
        assertThat(list.at("/pagination/total_count").asLong()).isEqualTo(1);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("filename").asString()).isEqualTo("warranty.txt");
        assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
        assertThat(api.get(DOCUMENTS + "/" + id).status()).isEqualTo(404);
        assertThat(search("watch warranty"))
                .noneMatch(hit -> hit.path("source_id").asString().equals(id));
    }

    @Test
    void hidesADocumentFromAnotherWorkspace() {
        String id = importText("warranty.txt", "Every watch carries a two year warranty against defects.");
        Api other = Api.at(port).withKey(fixtures.workspace().liveKey());

        assertThat(other.get(DOCUMENTS + "/" + id).status()).isEqualTo(404);
        assertThat(other.delete(DOCUMENTS + "/" + id).status()).isEqualTo(404);
        assertThat(other.get(DOCUMENTS).json().path("data").size()).isZero();
        assertThat(api.get(DOCUMENTS + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void refusesADocumentOverTheDocumentLimitWith413() throws IOException {
        long size = 21L * 1024 * 1024;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + DOCUMENTS + "?filename=huge.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Bearer " + workspace.liveKey() + "\r\n"
                            + "Content-Type: text/plain\r\nContent-Length: " + size + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // The limit is checked on Content-Length before the body is read, so a first slice of zeros is enough.
            out.write(new byte[64 * 1024]);
            out.flush();
            String response = readResponse(socket);

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("\"code\":\"payload_too_large\"").contains("\"max_bytes\":20971520");
        }
    }

    @Test
    void letsDocumentsThroughAboveTheDefaultBodyLimit() throws IOException {
        byte[] png = png(1_500_000);

        Api.Response response = api.send("POST", DOCUMENTS + "?filename=photo.png", "image/png", png);
        Api.Response elsewhere = api.send("POST", "/v1/knowledge-base", "application/json", png);

        assertThat(response.status()).as(response.toString()).isEqualTo(415);
        assertThat(elsewhere.status()).isEqualTo(413);
    }

    @Test
    void refusesTypesOtherThanTheFiveWith415() throws IOException {
        Api.Response png =
                new Multipart().file("file", "logo.png", "image/png", png(100)).post(api, DOCUMENTS);
        Api.Response zip = api.send("POST", DOCUMENTS + "?filename=docs.zip", "application/zip", zip());

        assertThat(png.status()).as(png.toString()).isEqualTo(415);
        assertThat(png.errorCode()).isEqualTo("unsupported_media_type");
        assertThat(png.json().at("/error/details/content_type").asString()).isEqualTo("image/png");
        assertThat(zip.status()).as(zip.toString()).isEqualTo(415);
        assertThat(zip.json().at("/error/details/content_type").asString()).isEqualTo("application/zip");
    }

    @Test
    void refusesTextThatClaimsToBeAPdf() {
        byte[] text = "Plain words, not a PDF at all.".getBytes(StandardCharsets.UTF_8);

        Api.Response declared = api.send("POST", DOCUMENTS + "?filename=policy.pdf", "application/pdf", text);
        Api.Response named = new Multipart()
                .file("file", "policy.pdf", "application/octet-stream", text)
                .post(api, DOCUMENTS);

        assertUnreadable(declared, "unreadable_document");
        assertUnreadable(named, "unreadable_document");
    }

    @Test
    void refusesACorruptPdf() throws IOException {
        byte[] pdf = pdf("Return policy", "Return policy", "Some words about returns.");
        byte[] truncated = java.util.Arrays.copyOf(pdf, pdf.length / 3);
        byte[] garbage = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage\n%%EOF"
                .getBytes(StandardCharsets.US_ASCII);

        assertUnreadable(
                api.send("POST", DOCUMENTS + "?filename=a.pdf", "application/pdf", truncated), "unreadable_document");
        assertUnreadable(
                api.send("POST", DOCUMENTS + "?filename=b.pdf", "application/pdf", garbage), "unreadable_document");
    }

    @Test
    void refusesAnEncryptedPdf() throws IOException {
        byte[] pdf = pdf("Secret", "Secret", "Only with the password.");
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            pdf = out.toByteArray();
        }

        Api.Response response = api.send("POST", DOCUMENTS + "?filename=secret.pdf", "application/pdf", pdf);

        assertUnreadable(response, "encrypted_document");
    }

    @Test
    void refusesADocumentWithoutText() throws IOException {
        byte[] blank = pdf(null);

        assertUnreadable(api.send("POST", DOCUMENTS + "?filename=scan.pdf", "application/pdf", blank), "no_text");
        assertUnreadable(
                api.send("POST", DOCUMENTS + "?filename=empty.html", "text/html", bytes("<html><body></body></html>")),
                "no_text");
    }

    @Test
    void asksForTheFile() {
        Api.Response noPart = new Multipart().field("title", "Nothing attached").post(api, DOCUMENTS);
        Api.Response noBody = api.send("POST", DOCUMENTS + "?filename=x.txt", "text/plain", new byte[0]);

        assertThat(noPart.status()).as(noPart.toString()).isEqualTo(400);
        assertThat(noPart.errorCode()).isEqualTo("missing_field");
        assertThat(noPart.json().at("/error/details/field").asString()).isEqualTo("file");
        assertThat(noBody.errorCode()).isEqualTo("missing_field");
    }

    @Test
    void keepsWhatIsIndexedWhenAnImportFails() throws IOException {
        String id = importText("warranty.txt", "Every watch carries a two year warranty against defects.");

        Api.Response failed = api.send("POST", DOCUMENTS + "?filename=broken.pdf", "application/pdf", png(100));

        assertThat(failed.status()).isEqualTo(400);
        assertThat(api.get(DOCUMENTS).json().at("/pagination/total_count").asLong())
                .isEqualTo(1);
        assertThat(search("watch warranty").getFirst().path("source_id").asString())
                .isEqualTo(id);
    }

    @Test
    void needsTheKnowledgeWriteScope() {
        Api reader = Api.at(port)
                .withKey(fixtures.key(
                        workspace.id(), dev.parley.platform.Mode.LIVE, dev.parley.platform.Scope.KNOWLEDGE_READ));

        Api.Response response = reader.send("POST", DOCUMENTS + "?filename=a.txt", "text/plain", bytes("Some words."));

        assertThat(response.status()).isEqualTo(403);
    }

    private String importText(String filename, String text) {
        Api.Response created = api.send("POST", DOCUMENTS + "?filename=" + filename, "text/plain", bytes(text));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("document_id").asString();
    }

    private List<JsonNode> search(String query) {
        return KnowledgeApiTests.search(api, query);
    }

    private static void assertUnreadable(Api.Response response, String... reasons) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_request");
        assertThat(response.json().at("/error/details/reason").asString()).isIn((Object[]) reasons);
        assertThat(response.json().at("/error/message").asString()).isNotBlank();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A one-page PDF: a large bold first line, like a heading, then paragraphs; no lines for a blank page. */
    static byte[] pdf(String title, String... lines) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            if (lines.length > 0) {
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 20);
                    content.newLineAtOffset(72, 700);
                    content.showText(lines[0]);
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    for (int i = 1; i < lines.length; i++) {
                        content.newLineAtOffset(0, -36);
                        content.showText(lines[i]);
                    }
                    content.endText();
                }
            }
            if (title != null) {
                document.getDocumentInformation().setTitle(title);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A DOCX whose first paragraph is styled Heading 1. */
    static byte[] docx(String heading, String... paragraphs) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId("Heading1");
            style.setType(STStyleType.PARAGRAPH);
            style.addNewName().setVal("heading 1");
            document.createStyles().addStyle(new XWPFStyle(style));
            var title = document.createParagraph();
            title.setStyle("Heading1");
            title.createRun().setText(heading);
            for (String paragraph : paragraphs) {
                document.createParagraph().createRun().setText(paragraph);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    /** A PNG signature and header followed by zeros, as long as asked. */
    static byte[] png(int size) {
        byte[] png = new byte[Math.max(size, 64)];
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(header, 0, png, 0, header.length);
        return png;
    }

    static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write(bytes("Some notes inside an archive."));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Reads one response (status, headers and body, plain or chunked) without waiting for the connection to close. */
    private static String readResponse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder response = new StringBuilder();
        int length = 0;
        boolean chunked = false;
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            response.append(line).append("\r\n");
            String header = line.toLowerCase(java.util.Locale.ROOT);
            if (header.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
            chunked |= header.startsWith("transfer-encoding:") && header.contains("chunked");
        }
        response.append("\r\n");
        if (chunked) {
            while ((line = in.readLine()) != null && !line.strip().equals("0")) {
                response.append(line);
            }
            return response.toString();
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return response.append(body, 0, read).toString();
    }
}
