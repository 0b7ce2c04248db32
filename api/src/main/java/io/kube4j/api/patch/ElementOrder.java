package io.kube4j.api.patch;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Orders the elements of a merged list as upstream strategic merge patch does: the elements named in
 * the patch (or in its {@code $setElementOrder} list) come in that order, the elements only the server
 * has keep their live order, and the two sequences are interleaved so that a server-only element stays
 * in front of the first patch element that followed it in the live list.
 */
final class ElementOrder {

    private final Function<JsonNode, JsonNode> identity;

    /** @param identity maps an element to what identifies it: its merge key value, or itself */
    ElementOrder(Function<JsonNode, JsonNode> identity) {
        this.identity = identity;
    }

    /**
     * @param merged      the merged elements in any order
     * @param patchOrder  the order the patch asks for
     * @param serverOrder the live list
     */
    List<JsonNode> apply(List<JsonNode> merged, List<JsonNode> patchOrder, List<JsonNode> serverOrder) {
        List<JsonNode> patchItems = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        for (JsonNode element : merged) {
            (indexOf(patchOrder, element) >= 0 ? patchItems : serverOnly).add(element);
        }
        sortBy(patchItems, patchOrder);
        sortBy(serverOnly, serverOrder);
        return interleave(serverOnly, patchItems, serverOrder);
    }

    private void sortBy(List<JsonNode> elements, List<JsonNode> order) {
        // Elements missing from the order keep their relative position after the ordered ones.
        elements.sort(Comparator.comparingInt(element -> {
            int index = indexOf(order, element);
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
    }

    private List<JsonNode> interleave(List<JsonNode> serverOnly, List<JsonNode> patchItems, List<JsonNode> serverOrder) {
        List<JsonNode> result = new ArrayList<>(serverOnly.size() + patchItems.size());
        int s = 0;
        int p = 0;
        while (s < serverOnly.size() || p < patchItems.size()) {
            if (p >= patchItems.size()) {
                result.add(serverOnly.get(s++));
            } else if (s >= serverOnly.size()) {
                result.add(patchItems.get(p++));
            } else {
                int serverIndex = indexOf(serverOrder, serverOnly.get(s));
                int patchIndex = indexOf(serverOrder, patchItems.get(p));
                boolean serverFirst = serverIndex >= 0 && patchIndex >= 0 && serverIndex < patchIndex;
                result.add(serverFirst ? serverOnly.get(s++) : patchItems.get(p++));
            }
        }
        return result;
    }

    int indexOf(List<JsonNode> list, JsonNode element) {
        JsonNode id = identity.apply(element);
        for (int i = 0; i < list.size(); i++) {
            if (JsonValues.equal(id, identity.apply(list.get(i)))) {
                return i;
            }
        }
        return -1;
    }
}
