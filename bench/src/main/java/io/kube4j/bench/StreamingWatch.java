package io.kube4j.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Flow;

/**
 * A Kubernetes watch as kubectl and client-go do it: one long GET whose body is newline-delimited
 * JSON events, read line by line as they arrive without a thread per watch.
 */
public final class StreamingWatch implements ApiTarget.Watch, Flow.Subscriber<String> {
    private final ApiTarget.WatchSink sink;
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;

    private StreamingWatch(ApiTarget.WatchSink sink) {
        this.sink = sink;
    }

    public static StreamingWatch open(ApiClient client, String path, ApiTarget.WatchSink sink) {
        StreamingWatch watch = new StreamingWatch(sink);
        HttpRequest request = HttpRequest.newBuilder(client.uri(path)).header("Accept", "application/json").GET().build();
        client.http().sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(watch))
                .whenComplete((response, failure) -> {
                    if (failure != null) {
                        watch.onError(failure);
                    } else if (response.statusCode() != 200) {
                        watch.onError(new IllegalStateException("watch " + path + " answered " + response.statusCode()));
                    }
                });
        return watch;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (!line.isEmpty()) {
            sink.onEvent(line);
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (!closed) {
            sink.onFailure(failure);
        }
    }

    @Override
    public void onComplete() {
        onError(new IllegalStateException("the server ended the watch"));
    }

    @Override
    public void close() {
        closed = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
