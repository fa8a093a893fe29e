/**
 * Time and delayed work behind an interface ({@link dev.wsinspector.core.timing.Scheduler}), used by replays
 * and reconnects so tests advance a manual clock instead of sleeping. Only the abstraction and its system
 * implementation; what to schedule belongs to its users.
 */
package dev.wsinspector.core.timing;
