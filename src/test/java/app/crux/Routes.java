package app.crux;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every HTTP route of the application, read from the resource classes' annotations,
 * so tests that walk "every route" cover a route added tomorrow without being told.
 */
public final class Routes {

    /** Where a value comes from in the request. */
    public enum Source { PATH, QUERY, FORM, COOKIE, HEADER, BODY }

    public record Input(String name, Source source, Class<?> type) {
    }

    public record Route(String method, String template, Method handler, List<Input> inputs, List<String> consumes) {

        /** JSON API routes live under /api; everything else is a page for browsers. */
        public boolean api() {
            return template.equals("/api") || template.startsWith("/api/");
        }

        public boolean write() {
            return !List.of("GET", "HEAD", "OPTIONS").contains(method);
        }

        public List<Input> inputs(Source source) {
            return inputs.stream().filter(i -> i.source() == source).toList();
        }

        /** The path with each {param} (and {param: regex}) replaced by the value given for it. */
        public String path(java.util.function.Function<String, String> valueOf) {
            StringBuilder out = new StringBuilder();
            String t = template;
            int i = 0;
            while (i < t.length()) {
                int open = t.indexOf('{', i);
                if (open < 0) {
                    out.append(t, i, t.length());
                    break;
                }
                out.append(t, i, open);
                int close = t.indexOf('}', open);
                String name = t.substring(open + 1, close).split(":")[0].trim();
                out.append(valueOf.apply(name));
                i = close + 1;
            }
            return out.toString();
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private Routes() {
    }

    /** All routes, sorted by path then method. */
    public static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (Class<?> type : applicationClasses()) {
            Path classPath = type.getAnnotation(Path.class);
            for (Method method : type.getDeclaredMethods()) {
                Optional<String> verb = httpMethod(method);
                Path methodPath = method.getAnnotation(Path.class);
                if (verb.isEmpty() || (classPath == null && methodPath == null)) {
                    continue;
                }
                String template = join(classPath == null ? "" : classPath.value(),
                        methodPath == null ? "" : methodPath.value());
                routes.add(new Route(verb.get(), template, method, inputs(method), consumes(type, method)));
            }
        }
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::method));
        return routes;
    }

    /**
     * The fields of a JSON body: the record components of the body type, each with its type
     * (a nested record is itself a JSON object). Empty for a body type that is not a record.
     */
    public static List<Input> jsonFields(Class<?> bodyType) {
        if (!bodyType.isRecord()) {
            return List.of();
        }
        return Arrays.stream(bodyType.getRecordComponents())
                .map(c -> new Input(c.getName(), Source.BODY, c.getType())).toList();
    }

    /** Routes that change something from a browser form: page (not /api) POST, PUT, PATCH, DELETE. */
    public static List<Route> pageWrites() {
        return all().stream().filter(r -> !r.api() && r.write()).toList();
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private static List<String> consumes(Class<?> type, Method method) {
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = type.getAnnotation(Consumes.class);
        }
        return consumes == null ? List.of() : List.of(consumes.value());
    }

    private static List<Input> inputs(Method method) {
        List<Input> inputs = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Input input = input(parameter.getName(), parameter.getType(), parameter.getAnnotations());
            if (input != null) {
                inputs.add(input);
            } else if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getDeclaredFields()) {
                    Input nested = input(field.getName(), field.getType(), field.getAnnotations());
                    if (nested != null) {
                        inputs.add(nested);
                    }
                }
            } else if (!parameter.isAnnotationPresent(jakarta.ws.rs.core.Context.class) && !isContextType(parameter.getType())) {
                inputs.add(new Input("body", Source.BODY, bodyType(parameter)));
            }
        }
        return inputs;
    }

    /**
     * The body's declared type; a resource that reads the raw JSON tree (to tell an absent field
     * from a null one) names its real shape in the OpenAPI {@code @RequestBody} schema.
     */
    private static Class<?> bodyType(Parameter parameter) {
        RequestBody described = parameter.getAnnotation(RequestBody.class);
        if (described != null) {
            for (Content content : described.content()) {
                if (content.schema().implementation() != Void.class) {
                    return content.schema().implementation();
                }
            }
        }
        return parameter.getType();
    }

    private static boolean isContextType(Class<?> type) {
        String name = type.getName();
        return name.startsWith("jakarta.ws.rs.") || name.startsWith("io.vertx.") || name.startsWith("org.jboss.resteasy.");
    }

    private static Input input(String name, Class<?> type, Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof PathParam p) {
                return new Input(p.value(), Source.PATH, type);
            } else if (a instanceof RestPath p) {
                return new Input(p.value().isEmpty() ? name : p.value(), Source.PATH, type);
            } else if (a instanceof QueryParam q) {
                return new Input(q.value(), Source.QUERY, type);
            } else if (a instanceof RestQuery q) {
                return new Input(q.value().isEmpty() ? name : q.value(), Source.QUERY, type);
            } else if (a instanceof FormParam f) {
                return new Input(f.value(), Source.FORM, type);
            } else if (a instanceof RestForm f) {
                return new Input(f.value().isEmpty() ? name : f.value(), Source.FORM, type);
            } else if (a instanceof CookieParam c) {
                return new Input(c.value(), Source.COOKIE, type);
            } else if (a instanceof RestCookie c) {
                return new Input(c.value().isEmpty() ? name : c.value(), Source.COOKIE, type);
            } else if (a instanceof HeaderParam h) {
                return new Input(h.value(), Source.HEADER, type);
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String joined = ("/" + a + "/" + b).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The compiled main classes (target/classes), found next to a class that lives there. */
    private static List<Class<?>> applicationClasses() {
        try {
            java.nio.file.Path root = java.nio.file.Path.of(CruxMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                        .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                        .filter(name -> name.startsWith("app.crux."))
                        .map(Routes::load)
                        .filter(c -> c.isAnnotationPresent(Path.class)
                                || Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(Path.class)))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Routes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
