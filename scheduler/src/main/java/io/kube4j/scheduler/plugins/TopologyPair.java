package io.kube4j.scheduler.plugins;

/** A topology domain: a label key and one of its values (e.g. zone=us-east-1a). */
record TopologyPair(String key, String value) {
}
