package io.kube4j.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafeEncodingTest {

    @Test
    void eachCharacterMapsByItsCodeModulo27() {
        assertEquals("bcd", SafeEncoding.encode("\u001b\u001c\u001d"));
        assertEquals("", SafeEncoding.encode(""));
    }
}
