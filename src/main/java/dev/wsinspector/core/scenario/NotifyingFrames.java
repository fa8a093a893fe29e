package dev.wsinspector.core.scenario;

import dev.wsinspector.core.frame.FrameStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The transport's handle on a session's frame store that also wakes the runner when a frame is appended. Frames
 * reach the capture without an event, and a runner that looked only every few milliseconds would spend most of a
 * 10,000-step request/reply scenario asleep.
 */
final class NotifyingFrames {

    private NotifyingFrames() {
    }

    static FrameStore wrap(FrameStore store, Object signal) {
        return (FrameStore) Proxy.newProxyInstance(FrameStore.class.getClassLoader(), new Class<?>[]{FrameStore.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().startsWith("append")) {
                        synchronized (signal) {
                            signal.notifyAll();
                        }
                    }
                    return result;
                });
    }
}
