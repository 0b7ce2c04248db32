package io.kube4j.apiserver.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RequestInfoTest {
    @Test
    void parsesResourcePathsLikeUpstream() {
        assertEquals(new RequestInfo("", "v1", "default", "pods", null, null, false),
                RequestInfo.parse("/api/v1/namespaces/default/pods"));
        assertEquals(new RequestInfo("apps", "v1", "ns", "deployments", "web", "scale", false),
                RequestInfo.parse("/apis/apps/v1/namespaces/ns/deployments/web/scale"));
        assertEquals(new RequestInfo("", "v1", null, "namespaces", "ns", null, false),
                RequestInfo.parse("/api/v1/namespaces/ns"));
        assertEquals(new RequestInfo("", "v1", null, "namespaces", "ns", "finalize", false),
                RequestInfo.parse("/api/v1/namespaces/ns/finalize"));
        assertEquals(new RequestInfo("", "v1", null, "nodes", "n1", "status", false),
                RequestInfo.parse("/api/v1/nodes/n1/status"));
        assertEquals(new RequestInfo("", "v1", "ns", "pods", null, null, true),
                RequestInfo.parse("/api/v1/watch/namespaces/ns/pods"));
        assertEquals(new RequestInfo("", "v1", null, "pods", null, null, false), RequestInfo.parse("/api/v1/pods"));
    }

    @Test
    void rejectsNonResourcePaths() {
        assertNull(RequestInfo.parse("/api"));
        assertNull(RequestInfo.parse("/apis/apps"));
        assertNull(RequestInfo.parse("/api/v1/namespaces/ns/pods/a/b/c"));
    }
}
