package dev.parley.platform.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import org.apache.catalina.core.ApplicationPart;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.UploadContext;
import org.apache.tomcat.util.http.fileupload.disk.DiskFileItemFactory;

/** The parts of a {@code multipart/form-data} body that is in memory already, parsed by Tomcat's own parser. */
final class MultipartBody {

    private static final File UNUSED = new File(System.getProperty("java.io.tmpdir"));

    private MultipartBody() {}

    static Collection<Part> parts(byte[] body, String contentType, String encoding) throws ServletException {
        if (contentType == null
                || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ServletException("Not a multipart/form-data request: " + contentType);
        }
        // Held in memory (the threshold is above the body's size), like the body itself.
        FileUpload upload = new FileUpload();
        upload.setFileItemFactory(new DiskFileItemFactory(body.length + 1, UNUSED));
        try {
            return List.copyOf(upload
                    .parseRequest(new UploadContext() {
                        @Override
                        public long contentLength() {
                            return body.length;
                        }

                        @Override
                        public String getCharacterEncoding() {
                            return encoding;
                        }

                        @Override
                        public String getContentType() {
                            return contentType;
                        }

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(body);
                        }
                    })
                    .stream()
                    .map(item -> (Part) new ApplicationPart(item, UNUSED))
                    .toList());
        } catch (FileUploadException e) {
            throw new ServletException("Malformed multipart body", e);
        }
    }
}
