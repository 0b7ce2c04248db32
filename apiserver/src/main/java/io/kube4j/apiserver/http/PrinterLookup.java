package io.kube4j.apiserver.http;

import io.kube4j.api.printer.TablePrinter;
import io.kube4j.api.resource.ResourceType;

/** Finds the table printer of a served resource (built-in columns or a CRD's printer columns). */
@FunctionalInterface
public interface PrinterLookup {
    TablePrinter printer(ResourceType type);
}
