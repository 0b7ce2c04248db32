package io.kube4j.api.patch;

/**
 * A patch that cannot be decoded or applied. The message follows the wording of the libraries the
 * upstream apiserver uses (evanphx/json-patch v4, apimachinery strategicpatch).
 *
 * <p>The apiserver should answer with {@link #httpStatus()}:
 * <ul>
 *   <li>400 BadRequest — the patch document itself is malformed (not a JSON-patch array, a
 *       {@code $retainKeys} or {@code $setElementOrder} directive that is not a list, ...);</li>
 *   <li>422 Unprocessable Entity (reason Invalid) — the patch is well formed but cannot be applied to
 *       the object (a failed {@code test}, a missing path, a list element without its merge key).
 *       Upstream answers a failed JSON patch with a 422 whose message is the library's error.</li>
 * </ul>
 */
public final class PatchException extends RuntimeException {

    private final int httpStatus;

    private PatchException(int httpStatus, String message) {
        super(message);
        this.httpStatus = httpStatus;
    }

    /** The patch document is malformed: the apiserver answers 400 BadRequest. */
    public static PatchException malformed(String message) {
        return new PatchException(400, message);
    }

    /** The patch cannot be applied to the target: the apiserver answers 422. */
    public static PatchException unprocessable(String message) {
        return new PatchException(422, message);
    }

    /** The HTTP status the apiserver should answer with: 400 or 422. */
    public int httpStatus() {
        return httpStatus;
    }
}
