package dev.parley.privacy.internal;

import dev.parley.analytics.CustomerAnalytics;
import dev.parley.conversation.Customers;
import dev.parley.conversation.Customers.Customer;
import dev.parley.files.Attachments;
import dev.parley.files.FileStorage;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.CustomerErased;
import dev.parley.platform.JobContext;
import dev.parley.platform.JobHandler;
import dev.parley.platform.Mode;
import dev.parley.platform.SignedLinks;
import dev.parley.privacy.internal.ExportRecords.Export;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's data export (seed 000): requested, then made by a durable job into a zip of JSON files (and the
 * customer's attached files) on the file storage, downloadable through a signed link until it expires, then deleted.
 * The same export asked for again while it is being made is that one.
 */
@Service
class Exports implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(Exports.class);
    static final String JOB_TYPE = "privacy.export";
    static final String DOWNLOAD = "privacy.export.download";
    static final String DOWNLOADS = "/v1/gdpr/downloads/";

    private final ExportRecords records;
    private final Customers customers;
    private final CustomerAnalytics analytics;
    private final Attachments attachments;
    private final FileStorage storage;
    private final SignedLinks links;
    private final JsonMapper json;
    private final PrivacyProperties properties;
    private final Clock clock;

    Exports(
            ExportRecords records,
            Customers customers,
            CustomerAnalytics analytics,
            Attachments attachments,
            FileStorage storage,
            SignedLinks links,
            JsonMapper json,
            PrivacyProperties properties,
            Clock clock) {
        this.records = records;
        this.customers = customers;
        this.analytics = analytics;
        this.attachments = attachments;
        this.storage = storage;
        this.links = links;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    Export get(Caller caller, String id) {
        return records.find(caller.workspaceId(), caller.mode(), id)
                .orElseThrow(() -> ApiException.notFound("export", id));
    }

    /** A signed link to a completed archive, valid until the archive expires; {@code null} before and after. */
    String downloadUrl(Export export) {
        if (export.status() != ExportStatus.COMPLETED || !clock.instant().isBefore(export.expiresAt())) {
            return null;
        }
        return links.create(DOWNLOAD, DOWNLOADS + export.id(), export.expiresAt());
    }

    record Archive(Export export, InputStream content) {}

    Archive download(String id, String expires, String signature) {
        links.check(DOWNLOAD, DOWNLOADS + id, expires, signature);
        Export export = records.findSigned(id).orElseThrow(() -> ApiException.notFound("export", id));
        if (export.status() != ExportStatus.COMPLETED || !clock.instant().isBefore(export.expiresAt())) {
            throw ApiException.notFound("export", id);
        }
        try {
            return new Archive(export, storage.open(export.archiveKey()));
        } catch (IOException e) {
            throw ApiException.notFound("export", id);
        }
    }

    @Override
    public String type() {
        return JOB_TYPE;
    }

    @Override
    public void run(JobContext job) throws Exception {
        try {
            make(job);
        } catch (Exception e) {
            if (job.attempt() >= maxAttempts()) {
                // The runner gives up after this attempt: the export says so instead of processing forever.
                records.failed(job.payload(Payload.class).exportId(), "archive_failed", clock.instant());
            }
            throw e;
        }
    }

    private void make(JobContext job) throws Exception {
        String id = job.payload(Payload.class).exportId();
        Optional<Export> found = records.find(job.workspaceId(), job.mode(), id);
        if (found.isEmpty() || found.get().status() != ExportStatus.PROCESSING) {
            return;
        }
        Export export = found.get();
        Optional<Customer> customer = customers
                .find(
                        job.workspaceId(),
                        job.mode(),
                        export.email(),
                        export.contactId() != null ? export.contactId() : export.userId())
                .filter(c -> export.contactId() == null || export.contactId().equals(c.contactId()));
        if (customer.isEmpty()) {
            records.failed(id, "customer_not_found", clock.instant());
            return;
        }
        byte[] archive = archive(job.workspaceId(), job.mode(), export, customer.get());
        String key = "exports/" + job.workspaceId() + "/" + id + ".zip";
        storage.put(key, new ByteArrayInputStream(archive));
        Instant now = clock.instant();
        if (!records.completed(id, key, archive.length, now, now.plus(properties.exportTtl()))) {
            storage.delete(key);
        }
    }

    private byte[] archive(String workspaceId, Mode mode, Export export, Customer customer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            About about =
                    new About(export.id(), clock.instant(), export.includeConversations(), export.includeAnalytics());
            Customers.Held held = customers.export(workspaceId, mode, customer, export.includeConversations());
            write(zip, "export.json", about);
            write(zip, "customer.json", new CustomerFile(nullable(held.contact()), held.userIds()));
            records.progress(export.id(), 30);
            if (export.includeConversations()) {
                write(zip, "conversations.json", held.conversations());
                List<Attachments.Attachment> files = attachments.of(workspaceId, mode, customer.conversationIds());
                write(zip, "files.json", files);
                for (Attachments.Attachment file : files) {
                    try (InputStream in = attachments.open(workspaceId, mode, file.id())) {
                        zip.putNextEntry(new ZipEntry("files/" + file.id() + "-" + safe(file.filename())));
                        in.transferTo(zip);
                        zip.closeEntry();
                    } catch (java.io.FileNotFoundException gone) {
                        log.info("File {} of export {} is gone; listed without its bytes", file.id(), export.id());
                    }
                }
            }
            records.progress(export.id(), 70);
            if (export.includeAnalytics()) {
                write(zip, "analytics.json", analytics.export(workspaceId, mode, customer.conversationIds()));
            }
        }
        return bytes.toByteArray();
    }

    /** {@code export.json}: what the export is and what it holds. */
    record About(String exportId, Instant generatedAt, boolean includeConversations, boolean includeAnalytics) {}

    /** {@code customer.json}: the contact ({@code {}} when there is none) and the store's own ids for them. */
    record CustomerFile(Object contact, List<String> userIds) {}

    private static Object nullable(Object value) {
        return value == null ? Map.of() : value;
    }

    private void write(ZipOutputStream zip, String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
        zip.closeEntry();
    }

    private static String safe(String filename) {
        return filename.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Archives past their expiry are deleted, and their rows forget whom they were about. */
    int expire() {
        List<Export> due = records.expiring(clock.instant(), 200);
        for (Export export : due) {
            if (export.archiveKey() != null) {
                storage.deleteQuietly(List.of(export.archiveKey()));
            }
            records.expired(export.id());
        }
        return due.size();
    }

    /** An erased customer's exports go: rows now, archives once the erasure commits. */
    @EventListener
    void on(CustomerErased erased) {
        if (erased.contactId() == null
                && erased.email() == null
                && erased.userIds().isEmpty()) {
            return;
        }
        List<Export> about = records.about(
                erased.workspaceId(), erased.mode(), erased.contactId(), erased.email(), erased.userIds());
        List<String> keys = new ArrayList<>();
        for (Export export : about) {
            records.delete(export.id());
            if (export.archiveKey() != null) {
                keys.add(export.archiveKey());
            }
        }
        erased.tally().add("privacy.exports", about.size());
        storage.deleteAfterCommit(keys);
    }

    /** An export job's payload: the export it makes. */
    record Payload(String exportId) {}
}
