/**
 * Parsers hardened for input Calque did not write (rule files, calque.yml, documents): no DOCTYPE, no
 * external entity, bounded YAML aliases and nesting. Every package that parses XML or YAML goes
 * through here, so the hardening is stated once.
 */
package dev.calque.untrusted;
