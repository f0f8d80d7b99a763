/**
 * Files owns uploads (seed 003): signed, expiring upload URLs served by Parley itself, content types sniffed from the
 * bytes, attachment to a conversation, signed download links, and the {@link dev.parley.files.FileStorage} the bytes
 * live in (local disk; S3-compatible storage is the next implementation of that port).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Files",
        allowedDependencies = {"platform", "conversation"})
package dev.parley.files;
