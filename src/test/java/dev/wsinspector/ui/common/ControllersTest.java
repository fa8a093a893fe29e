package dev.wsinspector.ui.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The controller factory without a toolkit: constructor injection by type, clear failures. */
class ControllersTest {

    public record Model(String name) { }

    public record Service(int n) { }

    public static final class NeedsBoth {
        final Model model;
        final Service service;
        final ViewLoader loader;

        public NeedsBoth(Model model, Service service, ViewLoader loader) {
            this.model = model;
            this.service = service;
            this.loader = loader;
        }
    }

    public static final class TwoConstructors {
        public TwoConstructors() { }

        public TwoConstructors(Model model) { }
    }

    public static final class Throws {
        public Throws() {
            throw new IllegalArgumentException("bad state");
        }
    }

    private final Controllers controllers = Controllers.builder().provide(Service.class, new Service(7)).build();
    private final ViewLoader loader = new ViewLoader(controllers);

    @Test
    void takesLocalsFirstThenServicesThenTheLoader() {
        NeedsBoth made = (NeedsBoth) controllers.create(NeedsBoth.class, List.of(new Model("tab 1")), loader);

        assertThat(made.model).isEqualTo(new Model("tab 1"));
        assertThat(made.service).isEqualTo(new Service(7));
        assertThat(made.loader).isSameAs(loader);
    }

    @Test
    void aLocalOverridesAService() {
        NeedsBoth made = (NeedsBoth) controllers.create(NeedsBoth.class, List.of(new Service(1), new Model("m")),
                loader);

        assertThat(made.service).isEqualTo(new Service(1));
    }

    @Test
    void aMissingDependencyNamesTheControllerAndTheType() {
        assertThatThrownBy(() -> controllers.create(NeedsBoth.class, List.of(), loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NeedsBoth needs a Model");
    }

    @Test
    void refusesAmbiguousConstructorsAndDoubleProvides() {
        assertThatThrownBy(() -> controllers.create(TwoConstructors.class, List.of(), loader))
                .hasMessageContaining("exactly one public constructor");
        assertThatThrownBy(() -> Controllers.builder().provide(Service.class, new Service(1))
                .provide(Service.class, new Service(2)))
                .hasMessageContaining("provided twice");
    }

    @Test
    void whatTheConstructorThrowsComesThroughUnwrapped() {
        assertThatThrownBy(() -> controllers.create(Throws.class, List.of(), loader))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bad state");
    }

    @Test
    void layoutsAreNamedAfterTheirController() {
        assertThat(ViewLoader.fxmlName(dev.wsinspector.ui.server.ServerPanelController.class))
                .isEqualTo("ServerPanelView.fxml");
        assertThatThrownBy(() -> ViewLoader.fxmlName(Model.class)).hasMessageContaining("FooController");
    }
}
