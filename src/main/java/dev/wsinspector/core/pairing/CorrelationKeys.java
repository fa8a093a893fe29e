package dev.wsinspector.core.pairing;

import dev.wsinspector.core.frame.Direction;

import java.util.List;

/** Finds the correlations of one whole message. Implementations are stateless or safe for one feeding thread. */
public interface CorrelationKeys {

    /**
     * @param text true for a text message
     * @return what the message asks or answers, usually none or one (a batch can hold several)
     */
    List<Correlation> of(Direction direction, byte[] payload, boolean text);
}
