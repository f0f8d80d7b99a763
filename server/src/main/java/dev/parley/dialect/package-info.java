/**
 * Dialect owns the seeds' own spellings of the API on their own paths: seed 000's camelCase bodies and flat error
 * envelope on its {@code /api/...} endpoints, seed 004's upper-case error codes on its endpoints. The canonical
 * {@code /v1} API is written once; a dialect only renames what crosses the wire.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Dialect",
        allowedDependencies = {})
package dev.parley.dialect;
