package dev.wsinspector.ui.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one controller factory: builds an FXML view's controller through its only public constructor, each
 * parameter found by type — first among the objects the caller gave for this one view (its view model, say),
 * then among the app's services provided once by the composition root ({@code app.InspectorApp}). The
 * {@link ViewLoader} itself can be asked for, so a controller can load the views it opens (a dialog, a pane).
 * A parameter that nothing supplies fails at once, naming the controller and the missing type: there are no
 * static singletons and no field injection, so a controller's needs are its constructor's signature and a test
 * builds one with {@code new}.
 */
public final class Controllers {

    private final Map<Class<?>, Object> services;

    private Controllers(Map<Class<?>, Object> services) {
        this.services = Map.copyOf(services);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Controllers that can have only what each load gives them (tests of one view, dialogs with no services). */
    public static Controllers none() {
        return new Controllers(Map.of());
    }

    /**
     * Makes a {@code type}, its constructor's parameters taken from {@code locals} (the first assignable one) or
     * else the provided services (the exact type), or the {@code loader}.
     *
     * @throws IllegalStateException when the type has no single public constructor or a parameter has no source
     */
    Object create(Class<?> type, List<?> locals, ViewLoader loader) {
        Constructor<?> constructor = onlyPublicConstructor(type);
        Class<?>[] parameters = constructor.getParameterTypes();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = argument(type, parameters[i], locals, loader);
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("Could not make " + type.getSimpleName(), cause);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("Could not make " + type.getSimpleName(), e);
        }
    }

    private Object argument(Class<?> controller, Class<?> parameter, List<?> locals, ViewLoader loader) {
        for (Object local : locals) {
            if (parameter.isInstance(local)) {
                return local;
            }
        }
        Object service = services.get(parameter);
        if (service != null) {
            return service;
        }
        if (parameter == ViewLoader.class) {
            return loader;
        }
        throw new IllegalStateException(controller.getSimpleName() + " needs a " + parameter.getSimpleName()
                + ": pass it to ViewLoader.load(...) or provide it in the composition root (InspectorApp)");
    }

    private static Constructor<?> onlyPublicConstructor(Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new IllegalStateException(type.getName() + " is not public: FXML cannot make its controller");
        }
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1) {
            throw new IllegalStateException(type.getSimpleName() + " needs exactly one public constructor (has "
                    + constructors.length + ") so that its dependencies are unambiguous");
        }
        return constructors[0];
    }

    /** The app's services, each under the type controllers ask for. */
    public static final class Builder {
        private final Map<Class<?>, Object> services = new LinkedHashMap<>();

        public <T> Builder provide(Class<T> type, T service) {
            Objects.requireNonNull(service, type.getSimpleName());
            if (services.putIfAbsent(type, service) != null) {
                throw new IllegalStateException(type.getSimpleName() + " is provided twice");
            }
            return this;
        }

        public Controllers build() {
            return new Controllers(services);
        }
    }

    /** The types provided, for error messages and tests. */
    List<Class<?>> provided() {
        return new ArrayList<>(services.keySet());
    }
}
