/**
 * The headless command line ({@code ws-inspector connect|echo-server|profiles|sessions|show|export|conformance}), built with picocli.
 *
 * <p>Uses {@code core} and {@code transport}; never JavaFX. Stdout carries only JSON lines (the contract in
 * DESIGN.md), everything meant for people goes to stderr. Commands return exit codes ({@link
 * dev.wsinspector.cli.ExitCodes}) instead of calling {@code System.exit}, so tests run them in-process.
 */
package dev.wsinspector.cli;
