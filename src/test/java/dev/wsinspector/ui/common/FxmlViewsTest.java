package dev.wsinspector.ui.common;

import javafx.fxml.FXML;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every FXML view and its controller agree, checked without a toolkit so a typo fails the build, not the
 * user's first click: each {@code FooView.fxml} names {@code FooController} of its own package; each
 * {@code @FXML} field has its {@code fx:id}; each {@code #handler} is a method of the controller; and each
 * controller class has its layout.
 */
class FxmlViewsTest {

    private static final String FX = "http://javafx.com/fxml";

    /** The app's own classes and resources (not the tests', which come first on the class path). */
    private static Path root(String resource) throws URISyntaxException {
        Path classes = Path.of(ViewLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.resolve(resource.substring(1));
    }

    private static List<Path> files(Path dir, String suffix) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void everyViewNamesItsControllerAndEveryInjectionAndHandlerExists() throws Exception {
        Path ui = root("/dev/wsinspector/ui");
        List<Path> views = files(ui, "View.fxml");
        assertThat(views).as("FXML views under " + ui).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path view : views) {
            problems.addAll(check(ui, view));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyControllerHasItsLayout() throws Exception {
        Path classes = root("/dev/wsinspector/ui");
        List<String> missing = new ArrayList<>();
        for (Path file : files(classes, "Controller.class")) {
            String name = "dev.wsinspector.ui." + classes.relativize(file).toString()
                    .replace(".class", "").replace(file.getFileSystem().getSeparator(), ".");
            Class<?> type = Class.forName(name);
            if (type.getEnclosingClass() == null && ViewLoader.fxmlOf(type) == null) {
                missing.add(name + " has no " + ViewLoader.fxmlName(type));
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<String> check(Path ui, Path view) throws Exception {
        List<String> problems = new ArrayList<>();
        String where = ui.relativize(view).toString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(view.toFile()).getDocumentElement();
        String controllerName = root.getAttributeNS(FX, "controller");
        if (controllerName.isEmpty()) {
            return List.of(where + ": the root names no fx:controller");
        }
        Class<?> controller;
        try {
            controller = Class.forName(controllerName);
        } catch (ClassNotFoundException e) {
            return List.of(where + ": no controller class " + controllerName);
        }
        if (!ViewLoader.fxmlName(controller).equals(view.getFileName().toString())
                || ViewLoader.fxmlOf(controller) == null
                || !Path.of(ViewLoader.fxmlOf(controller).toURI()).equals(view)) {
            problems.add(where + ": " + controller.getSimpleName() + " expects its layout as "
                    + ViewLoader.fxmlName(controller) + " in its own package");
        }
        Set<String> ids = new HashSet<>();
        List<String> handlers = new ArrayList<>();
        walk(root, ids, handlers);
        for (Field field : controller.getDeclaredFields()) {
            if (field.isAnnotationPresent(FXML.class) && !ids.contains(field.getName())
                    && !(field.getName().endsWith("Controller")
                    && ids.contains(field.getName().substring(0, field.getName().length() - "Controller".length())))) {
                problems.add(where + ": " + controller.getSimpleName() + "." + field.getName() + " has no fx:id");
            }
        }
        Set<String> methods = new HashSet<>();
        for (Class<?> c = controller; c != null; c = c.getSuperclass()) {
            Arrays.stream(c.getDeclaredMethods()).map(Method::getName).forEach(methods::add);
        }
        for (String handler : handlers) {
            if (!methods.contains(handler)) {
                problems.add(where + ": handler #" + handler + " is not a method of " + controller.getSimpleName());
            }
        }
        return problems;
    }

    private static void walk(Element element, Set<String> ids, List<String> handlers) {
        String id = element.getAttributeNS(FX, "id");
        if (!id.isEmpty()) {
            ids.add(id);
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (attribute.getLocalName() != null && attribute.getLocalName().startsWith("on")
                    && attribute.getNodeValue().startsWith("#")) {
                handlers.add(attribute.getNodeValue().substring(1));
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                walk(child, ids, handlers);
            }
        }
    }
}
