package dk.trappen.security;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every route of a set of JAX-RS resources, read from their annotations: the root resources' paths, their resource
 * methods with every HTTP method, and the sub-resources their locators return (a method with a path and no HTTP
 * method), followed to any depth. Annotations on interfaces count, as in JAX-RS.
 */
final class JaxRsRoutes {

  /** One route: the HTTP method, the path template and the Java method that serves it. */
  record Route(String method, String template, String javaMethod) implements Comparable<Route> {
    @Override
    public int compareTo(Route o) {
      return (template + " " + method).compareTo(o.template + " " + o.method);
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  private static final List<Class<? extends Annotation>> HTTP_METHODS =
      List.of(GET.class, POST.class, PUT.class, DELETE.class, HEAD.class, OPTIONS.class);

  private JaxRsRoutes() {
  }

  /** The routes of these root resources, under the given prefix. */
  static Set<Route> of(String prefix, Collection<Class<?>> resources) {
    Set<Route> routes = new TreeSet<>();
    for (Class<?> resource : resources) {
      Path root = annotation(resource);
      if (root != null) {
        walk(resource, prefix + "/" + root.value(), 0, routes);
      }
    }
    return routes;
  }

  private static Path annotation(Class<?> type) {
    if (type.getAnnotation(Path.class) != null) {
      return type.getAnnotation(Path.class);
    }
    for (Class<?> i : type.getInterfaces()) {
      if (i.getAnnotation(Path.class) != null) {
        return i.getAnnotation(Path.class);
      }
    }
    return type.getSuperclass() == null ? null : annotation(type.getSuperclass());
  }

  private static void walk(Class<?> type, String base, int depth, Set<Route> routes) {
    if (depth > 8) {
      return;
    }
    Set<Class<?>> types = new LinkedHashSet<>();
    for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
      types.add(t);
      types.addAll(Arrays.asList(t.getInterfaces()));
    }
    for (Class<?> t : types) {
      for (Method m : t.getMethods()) {
        Path sub = m.getAnnotation(Path.class);
        String path = normalise(base + (sub == null ? "" : "/" + sub.value()));
        List<String> methods = new ArrayList<>();
        for (Class<? extends Annotation> http : HTTP_METHODS) {
          if (m.getAnnotation(http) != null) {
            methods.add(http.getSimpleName());
          }
        }
        for (String method : methods) {
          routes.add(new Route(method, path, m.getName()));
        }
        if (methods.isEmpty() && sub != null && m.getReturnType() != Object.class) {
          walk(m.getReturnType(), path, depth + 1, routes);
        }
      }
    }
  }

  private static String normalise(String path) {
    String p = path.replaceAll("/+", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
