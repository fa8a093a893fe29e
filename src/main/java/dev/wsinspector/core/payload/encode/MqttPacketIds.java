package dev.wsinspector.core.payload.encode;

import java.util.concurrent.atomic.AtomicInteger;

/** MQTT packet identifiers of one connection: 1…65535, then 1 again (0 is not allowed, MQTT 3.1.1 §2.3.1). */
public final class MqttPacketIds {

    private final AtomicInteger next = new AtomicInteger(0);

    public int next() {
        return next.updateAndGet(i -> i >= 65535 ? 1 : i + 1);
    }
}
