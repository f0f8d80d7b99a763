/**
 * Pure functions that turn what a store's website serves (HTML pages, robots.txt, sitemaps) into text, FAQs,
 * products and links for the knowledge index; no network, no state.
 */
package dev.parley.knowledge.internal.extract;
