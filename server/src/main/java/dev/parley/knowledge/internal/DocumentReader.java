package dev.parley.knowledge.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.ToXMLContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Turns an uploaded document (PDF, DOCX, HTML, Markdown or plain text) into content the {@link Chunker} reads. The
 * type comes from the bytes: a file name or declared type only refines it (text into Markdown), and a file that
 * claims to be a PDF or DOCX but is something else is refused. PDF and DOCX are read as Tika's XHTML, so their
 * headings reach the chunker as {@code <h1>}-{@code <h6>}.
 */
@Component
class DocumentReader {

    /** The document as knowledge: its title, content and content format, and the type found in its bytes. */
    record Read(String title, String content, String contentFormat, String mediaType) {}

    /** The kinds of document accepted: the media type Tika detects, the one reported, and the content format. */
    enum Type {
        PDF("application/pdf", "application/pdf", "PDF", "html"),
        DOCX(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "DOCX",
                "html"),
        HTML("text/html", "text/html", "HTML", "html"),
        MARKDOWN("text/x-web-markdown", "text/markdown", "Markdown", "markdown"),
        TEXT("text/plain", "text/plain", "text", "text");

        final MediaType mediaType;
        final String reported;
        final String label;
        final String contentFormat;

        Type(String mediaType, String reported, String label, String contentFormat) {
            this.mediaType = MediaType.parse(mediaType);
            this.reported = reported;
            this.label = label;
            this.contentFormat = contentFormat;
        }

        boolean binary() {
            return this == PDF || this == DOCX;
        }

        static Type of(MediaType type) {
            MediaType normalized = REGISTRY.normalize(type.getBaseType());
            if (normalized.equals(MediaType.application("xhtml+xml"))) {
                return HTML;
            }
            for (Type t : values()) {
                if (t.mediaType.equals(normalized)) {
                    return t;
                }
            }
            return null;
        }
    }

    private static final MediaTypeRegistry REGISTRY = MediaTypeRegistry.getDefaultRegistry();
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    /** Built on first use: loading every parser takes a moment, and the parser is thread-safe. */
    private static final class Tika {
        static final AutoDetectParser PARSER = new AutoDetectParser();
    }

    /**
     * @param filename the document's file name, a hint for its type; may be {@code null}
     * @param declaredType the {@code Content-Type} it was sent with, a hint for its type; may be {@code null}
     * @param givenTitle the caller's title, which wins over the document's own; may be {@code null}
     */
    Read read(byte[] bytes, String filename, String declaredType, String givenTitle) {
        MediaType detected = detect(bytes, filename, declaredType);
        Type type = Type.of(detected);
        Type claimed = claimed(filename, declaredType);
        if (claimed != null && claimed.binary() && claimed != type) {
            throw unreadable(claimed);
        }
        if (type == null) {
            String name = detected.getBaseType().toString();
            throw new ApiException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "error.unsupported_media_type.document",
                    Map.of("content_type", name, "supported", supported()),
                    name);
        }
        Metadata metadata = new Metadata();
        String content = type.binary() ? xhtml(bytes, type, metadata) : text(bytes, declaredType);
        if (content.length() > KnowledgeSource.MAX_CONTENT) {
            throw tooMuchText();
        }
        String visible =
                type.contentFormat.equals("html") ? Jsoup.parse(content).text() : content;
        if (visible.isBlank()) {
            throw new ApiException(
                    ErrorCode.INVALID_REQUEST,
                    "error.invalid_request.document.no_text",
                    Map.of("field", "file", "reason", "no_text"));
        }
        String title =
                firstPresent(givenTitle, metadata.get(TikaCoreProperties.TITLE), ownTitle(content, type), filename);
        return new Read(title, content, type.contentFormat, type.reported);
    }

    private static MediaType detect(byte[] bytes, String filename, String declaredType) {
        Metadata hints = new Metadata();
        if (filename != null) {
            hints.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        }
        if (declaredType != null) {
            hints.set(Metadata.CONTENT_TYPE, declaredType);
        }
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            return Tika.PARSER.getDetector().detect(in, hints);
        } catch (IOException e) {
            throw new IllegalStateException("Reading from memory failed", e);
        }
    }

    /** What the sender says the document is: its declared type, else what its file name suggests. */
    private static Type claimed(String filename, String declaredType) {
        if (declaredType != null) {
            try {
                Type declared = Type.of(MediaType.parse(declaredType));
                if (declared != null) {
                    return declared;
                }
            } catch (IllegalArgumentException ignored) {
                // An unparseable declared type claims nothing.
            }
        }
        if (filename == null) {
            return null;
        }
        Metadata byName = new Metadata();
        byName.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        try {
            return Type.of(Tika.PARSER.getDetector().detect(null, byName));
        } catch (IOException e) {
            return null;
        }
    }

    private static String xhtml(byte[] bytes, Type type, Metadata metadata) {
        ToXMLContentHandler xml = new ToXMLContentHandler();
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        metadata.set(Metadata.CONTENT_TYPE, type.mediaType.toString());
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            Tika.PARSER.parse(in, new WriteOutContentHandler(xml, KnowledgeSource.MAX_CONTENT), metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new ApiException(
                    ErrorCode.INVALID_REQUEST,
                    "error.invalid_request.document.encrypted_document",
                    Map.of("field", "file", "reason", "encrypted_document"));
        } catch (SAXException | TikaException | IOException | RuntimeException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                throw tooMuchText();
            }
            throw unreadable(type);
        }
        // Tika's head repeats the metadata as <meta> elements; the body is the document.
        return Jsoup.parse(xml.toString()).body().html().strip();
    }

    private static String text(byte[] bytes, String declaredType) {
        Metadata hints = new Metadata();
        if (declaredType != null) {
            hints.set(Metadata.CONTENT_TYPE, declaredType);
        }
        try (Reader reader = new AutoDetectReader(new ByteArrayInputStream(bytes), hints)) {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return text.toString();
        } catch (TikaException | IOException e) {
            throw unreadable(Type.TEXT);
        }
    }

    /** The document's own title: an HTML page's {@code <title>}, else its first heading. */
    private static String ownTitle(String content, Type type) {
        if (type.contentFormat.equals("html")) {
            Document html = Jsoup.parse(content);
            Element heading = html.selectFirst("h1, h2, h3, h4, h5, h6");
            return firstPresent(html.title(), heading == null ? null : heading.text());
        }
        if (type == Type.MARKDOWN) {
            Matcher heading = MARKDOWN_HEADING.matcher(content);
            return heading.find() ? heading.group(1) : null;
        }
        return null;
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                String title = candidate.strip();
                return title.length() > 500 ? title.substring(0, 500) : title;
            }
        }
        return null;
    }

    private static List<String> supported() {
        return Arrays.stream(Type.values()).map(t -> t.reported).toList();
    }

    private static ApiException unreadable(Type claimed) {
        return new ApiException(
                ErrorCode.INVALID_REQUEST,
                "error.invalid_request.document.unreadable_document",
                Map.of("field", "file", "reason", "unreadable_document", "content_type", claimed.reported),
                claimed.label);
    }

    private static ApiException tooMuchText() {
        return new ApiException(
                ErrorCode.INVALID_REQUEST,
                "error.invalid_request.document.too_much_text",
                Map.of("field", "file", "reason", "too_much_text", "max_characters", KnowledgeSource.MAX_CONTENT),
                KnowledgeSource.MAX_CONTENT);
    }
}
