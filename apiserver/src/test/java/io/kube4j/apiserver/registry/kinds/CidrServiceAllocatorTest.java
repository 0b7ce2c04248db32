package io.kube4j.apiserver.registry.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.apiserver.registry.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidrServiceAllocatorTest {
    private final List<JsonNode> stored = new ArrayList<>();
    private final MutableClock clock = new MutableClock();

    private CidrServiceAllocator allocator(String cidr, int min, int max) {
        return new CidrServiceAllocator(cidr, min, max, () -> List.copyOf(stored), clock);
    }

    @Test
    void handsOutFreeAddressesAfterTheOneKeptForTheApiServer() {
        CidrServiceAllocator allocator = new CidrServiceAllocator(() -> List.copyOf(stored));
        assertEquals("10.96.0.1", allocator.apiServerServiceIP());
        assertEquals("10.96.0.2", allocator.allocateClusterIP(null));
        assertEquals("10.96.0.3", allocator.allocateClusterIP(""), "the previous one is reserved though not stored yet");
        assertEquals("10.96.0.1", allocator.allocateClusterIP("10.96.0.1"), "the first address is given when asked for");
        assertEquals("None", allocator.allocateClusterIP("None"));
    }

    @Test
    void rejectsATakenOrForeignAddress() {
        stored.add(Objects.parse("{'spec': {'clusterIP': '10.96.0.5', 'clusterIPs': ['10.96.0.5']}}"));
        CidrServiceAllocator allocator = allocator("10.96.0.0/12", 30000, 32767);
        AllocationException taken = assertThrows(AllocationException.class, () -> allocator.allocateClusterIP("10.96.0.5"));
        assertEquals("failed to allocate IP 10.96.0.5: provided IP is already allocated", taken.getMessage());
        AllocationException foreign = assertThrows(AllocationException.class, () -> allocator.allocateClusterIP("10.0.0.1"));
        assertEquals("failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. "
                + "The range of valid IPs is 10.96.0.0/12", foreign.getMessage());
    }

    @Test
    void reportsAFullRangeAsAnInternalError() {
        CidrServiceAllocator allocator = allocator("10.0.0.0/29", 30000, 30001);
        for (int i = 2; i <= 6; i++) {
            assertEquals("10.0.0." + i, allocator.allocateClusterIP(null));
        }
        ApiException full = assertThrows(ApiException.class, () -> allocator.allocateClusterIP(null));
        assertEquals(500, full.code());
        assertEquals("Internal error occurred: failed to allocate a serviceIP: range is full", full.getMessage());
    }

    @Test
    void reservationsEndWhenStoredOrExpired() {
        CidrServiceAllocator allocator = allocator("10.0.0.0/29", 30000, 30001);
        assertEquals("10.0.0.2", allocator.allocateClusterIP(null));
        stored.add(Objects.parse("{'spec': {'clusterIP': '10.0.0.2'}}"));
        assertEquals("10.0.0.3", allocator.allocateClusterIP(null));
        stored.clear();
        assertEquals("10.0.0.2", allocator.allocateClusterIP(null), "deleted service's address is free again");
        clock.advance(CidrServiceAllocator.RESERVATION_TTL.plusSeconds(1));
        assertEquals("10.0.0.2", allocator.allocateClusterIP(null), "unused reservations expire");
    }

    @Test
    void allocatesNodePortsInTheRange() {
        stored.add(Objects.parse("{'spec': {'ports': [{'port': 80, 'nodePort': 30000}]}}"));
        CidrServiceAllocator allocator = allocator("10.96.0.0/12", 30000, 30002);
        assertEquals(30001, allocator.allocateNodePort(0));
        assertEquals("provided port is already allocated",
                assertThrows(AllocationException.class, () -> allocator.allocateNodePort(30000)).getMessage());
        assertEquals("provided port is not in the valid range. The range of valid ports is 30000-30002",
                assertThrows(AllocationException.class, () -> allocator.allocateNodePort(80)).getMessage());
        assertEquals(30002, allocator.allocateNodePort(30002));
        ApiException full = assertThrows(ApiException.class, () -> allocator.allocateNodePort(0));
        assertEquals("Internal error occurred: failed to allocate a nodePort: range is full", full.getMessage());
    }

    @Test
    void rejectsAnUnusableConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> allocator("10.96.0.0", 30000, 32767));
        assertThrows(IllegalArgumentException.class, () -> allocator("10.96.0.0/12", 32767, 30000));
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
