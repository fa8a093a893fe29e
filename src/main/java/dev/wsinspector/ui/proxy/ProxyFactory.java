package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.proxy.Interceptor;
import dev.wsinspector.core.proxy.ProxySettings;

/**
 * Makes the intercepting proxy a proxy tab starts: {@code transport.InterceptingProxy} with the app's session
 * journal, given by the composition root ({@code app.InspectorApp}), since {@code ui} never touches a socket.
 */
@FunctionalInterface
public interface ProxyFactory {

    /** A proxy not yet started; {@link Interceptor#start} binds it. */
    Interceptor create(ProxySettings settings);
}
