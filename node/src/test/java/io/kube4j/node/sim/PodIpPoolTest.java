package io.kube4j.node.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PodIpPoolTest {

    @Test
    void givesAddressesAfterTheGatewayAndNeverTheBroadcast() {
        PodIpPool pool = new PodIpPool(Ipv4Block.parse("10.244.1.0/24"));
        assertEquals("10.244.1.2", pool.allocate());
        assertEquals("10.244.1.3", pool.allocate());
        Set<String> all = new HashSet<>(Set.of("10.244.1.2", "10.244.1.3"));
        String ip;
        while ((ip = pool.allocate()) != null) {
            assertTrue(all.add(ip), "given twice: " + ip);
        }
        assertEquals(253, all.size());
        assertFalse(all.contains("10.244.1.255"));
        assertFalse(all.contains("10.244.1.1"));
    }

    @Test
    void aReleasedAddressIsReusedOnlyAfterTheOthers() {
        PodIpPool pool = new PodIpPool(Ipv4Block.parse("10.244.0.0/29"));
        assertEquals("10.244.0.2", pool.allocate());
        assertEquals("10.244.0.3", pool.allocate());
        pool.release("10.244.0.2");
        assertEquals("10.244.0.4", pool.allocate());
        assertEquals("10.244.0.5", pool.allocate());
        assertEquals("10.244.0.6", pool.allocate());
        assertEquals("10.244.0.2", pool.allocate());
        assertNull(pool.allocate());
        assertEquals(5, pool.inUse());
    }

    @Test
    void reservesAddressesOfPodsFoundRunningOnlyInsideTheBlock() {
        PodIpPool pool = new PodIpPool(Ipv4Block.parse("10.244.0.0/29"));
        assertTrue(pool.reserve("10.244.0.2"));
        assertFalse(pool.reserve("10.244.9.2"));
        assertFalse(pool.reserve("not-an-ip"));
        assertEquals("10.244.0.3", pool.allocate());
    }
}
