// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Typed reads of dotted keys from the merged configuration; each error names the key and the file. */
final class Values {
    private final JsonObject root;
    final String source;

    Values(JsonObject root, String source) {
        this.root = root;
        this.source = source;
    }

    private Object raw(String path) {
        String[] parts = path.split("\\.");
        JsonObject node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.getJsonObject(parts[i]);
        }
        return node.getValue(parts[parts.length - 1]);
    }

    private ConfigException wrongType(String path, String expected) {
        return new ConfigException(source + ": key '" + path + "' must be " + expected + ", got "
                + (raw(path) == null ? "null" : "'" + raw(path) + "'"));
    }

    String str(String path) throws ConfigException {
        if (raw(path) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw wrongType(path, "a non-empty string");
    }

    Path path(String path) throws ConfigException {
        Object v = raw(path);
        if (v == null) {
            return null;
        }
        return Path.of(str(path));
    }

    boolean bool(String path) throws ConfigException {
        if (raw(path) instanceof Boolean b) {
            return b;
        }
        throw wrongType(path, "true or false");
    }

    int integer(String path) throws ConfigException {
        if (raw(path) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw wrongType(path, "a whole number");
    }

    String optionalStr(String path) throws ConfigException {
        return raw(path) == null ? null : str(path);
    }

    double positiveNumber(String path) throws ConfigException {
        if (!(raw(path) instanceof Number n)) {
            throw wrongType(path, "a number");
        }
        double d = n.doubleValue();
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new ConfigException(source + ": key '" + path + "' must be a positive number, got " + d);
        }
        return d;
    }

    /** Any finite number; the record it goes into checks its range. */
    double number(String path) throws ConfigException {
        if (raw(path) instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw wrongType(path, "a number");
    }

    int nonNegative(String path) throws ConfigException {
        int n = integer(path);
        if (n < 0) {
            throw wrongType(path, "0 or more");
        }
        return n;
    }

    int positive(String path) throws ConfigException {
        int n = integer(path);
        if (n < 1) {
            throw wrongType(path, "1 or more");
        }
        return n;
    }

    int port(String path) throws ConfigException {
        int n = integer(path);
        if (n < 0 || n > 65535) {
            throw wrongType(path, "a port 1-65535 (0 picks a free port)");
        }
        return n;
    }

    Duration seconds(String path) throws ConfigException {
        return Duration.ofSeconds(nonNegative(path));
    }

    JsonArray array(String path) throws ConfigException {
        if (raw(path) instanceof JsonArray a) {
            return a;
        }
        throw wrongType(path, "a list");
    }

    List<String> strings(String path) throws ConfigException {
        List<String> out = new ArrayList<>();
        for (Object o : array(path)) {
            if (!(o instanceof String s)) {
                throw wrongType(path, "a list of strings");
            }
            out.add(s);
        }
        return out;
    }

    /** Runs a constructor or parser, turning its IllegalArgumentException into a ConfigException. */
    <T> T check(String path, Supplier<T> build) throws ConfigException {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": key '" + path + "': " + e.getMessage(), e);
        }
    }
}
