/**
 * Privacy owns a store's GDPR duties: erasing a customer's personal data everywhere it lives (through
 * {@link dev.parley.platform.CustomerErased}, which every module holding such data obeys), exporting it as a signed,
 * expiring archive, the retention period after which conversations are erased by themselves, and the audit of
 * erasures, which holds no personal data.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Privacy",
        allowedDependencies = {"platform", "tenancy", "conversation", "files", "analytics"})
package dev.parley.privacy;
