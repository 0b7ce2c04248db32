package io.kube4j.bench;

import java.util.ArrayList;
import java.util.List;

/** One client per concurrent worker, each on its own connection, as independent API clients are. */
public final class ClientPool implements AutoCloseable {
    private final List<ApiClient> clients;

    private ClientPool(List<ApiClient> clients) {
        this.clients = clients;
    }

    public static ClientPool connect(ApiTarget target, int size) {
        List<ApiClient> clients = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            clients.add(target.connect());
        }
        return new ClientPool(clients);
    }

    public ApiClient get(int worker) {
        return clients.get(worker);
    }

    public int size() {
        return clients.size();
    }

    @Override
    public void close() {
        clients.forEach(ApiClient::close);
    }
}
