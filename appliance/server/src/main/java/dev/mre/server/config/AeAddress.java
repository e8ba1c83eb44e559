// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.config;

/**
 * A DICOM peer written as {@code AE@host:port}, the one spelling used on the command line and in
 * the configuration file. Parsing is strict because these strings come from people: a typo must be
 * named, not turned into a connection to the wrong peer.
 */
public record AeAddress(String aeTitle, String host, int port) {

    public AeAddress {
        checkAeTitle(aeTitle);
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    /**
     * Parses {@code AE@host:port}; IPv6 hosts are written in brackets ({@code AE@[::1]:104}).
     *
     * @throws IllegalArgumentException with a sentence naming what is wrong
     */
    public static AeAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("expected AE@host:port, got nothing");
        }
        int at = text.indexOf('@');
        int colon = text.lastIndexOf(':');
        if (at < 0 || colon < at) {
            throw new IllegalArgumentException("expected AE@host:port (e.g. PACS@10.0.0.5:104), got '" + text + "'");
        }
        String ae = text.substring(0, at);
        String host = text.substring(at + 1, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String portText = text.substring(colon + 1);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + portText + "' in '" + text + "' is not a number 1-65535");
        }
        try {
            return new AeAddress(ae, host, port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in '" + text + "'");
        }
    }

    /**
     * Checks an Application Entity title: 1-16 characters of the default character repertoire,
     * no backslash and no control characters, not only spaces (PS3.5 6.2, VR AE).
     */
    public static String checkAeTitle(String ae) {
        if (ae == null || ae.isEmpty() || ae.length() > 16) {
            throw new IllegalArgumentException("AE title '" + ae + "' must be 1-16 characters");
        }
        if (ae.isBlank()) {
            throw new IllegalArgumentException("AE title must not be only spaces");
        }
        for (int i = 0; i < ae.length(); i++) {
            char c = ae.charAt(i);
            if (c == '\\' || c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("AE title '" + ae.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a backslash, control or non-ASCII character");
            }
        }
        return ae;
    }

    @Override
    public String toString() {
        return aeTitle + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
