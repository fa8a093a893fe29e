package dev.wsinspector.core.scenario;

import java.util.List;

/**
 * One step as it ran: {@code id} is its place ("3", or "4.2#17" for the second step of the repeat that is step 4,
 * in its 17th round), {@code reason} says what was seen (and on a failure, why it failed and the last messages seen), and
 * {@code seqs} are the frames of its connection it matched, sent or last saw (capture seqs, for the timeline).
 */
public record StepResult(String id, Step step, String connection, boolean passed, String reason, List<Long> seqs,
                         long millis) {

    public StepResult {
        seqs = List.copyOf(seqs);
    }

    public String kind() {
        return step.kind();
    }

    public String describe() {
        return step.describe();
    }
}
