package io.kube4j.apiserver.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authorization;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProtobufDecoderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ProtobufDecoder decoder = new ProtobufDecoder();

    /** Wraps a message the way client-go's protobuf serializer does. */
    static byte[] envelope(String apiVersion, String kind, Message object) {
        Runtime.Unknown unknown = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
                .setRaw(object.toByteString())
                .setContentEncoding("")
                .setContentType("")
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x6B, 0x38, 0x73, 0x00});
        out.writeBytes(unknown.toByteArray());
        return out.toByteArray();
    }

    /** Object metadata as client-go writes it: every non-pointer string and the zero time explicitly. */
    private static Meta.ObjectMeta.Builder metadata(String name, String namespace) {
        return Meta.ObjectMeta.newBuilder()
                .setName(name)
                .setGenerateName("")
                .setNamespace(namespace)
                .setSelfLink("")
                .setUid("")
                .setResourceVersion("")
                .setCreationTimestamp(Meta.Time.newBuilder());
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void decodesNamespaceDroppingEmptyStringsAndZeroTime() throws Exception {
        V1.Namespace namespace = V1.Namespace.newBuilder()
                .setMetadata(metadata("team-a", ""))
                .setSpec(V1.NamespaceSpec.newBuilder())
                .setStatus(V1.NamespaceStatus.newBuilder().setPhase(""))
                .build();

        ObjectNode decoded = decoder.decode(envelope("v1", "Namespace", namespace));

        assertEquals(json("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'team-a'},'spec':{},'status':{}}"),
                decoded);
    }

    @Test
    void decodesDeploymentWithTemplateAndIntOrString() throws Exception {
        V1.Container container = V1.Container.newBuilder()
                .setName("web")
                .setImage("nginx:1.27")
                .addPorts(V1.ContainerPort.newBuilder().setContainerPort(80).setProtocol("TCP"))
                .setResources(V1.ResourceRequirements.newBuilder()
                        .putLimits("cpu", Resource.Quantity.newBuilder().setString("500m").build())
                        .putRequests("memory", Resource.Quantity.newBuilder().setString("64Mi").build()))
                .setTerminationMessagePath("")
                .setStdin(false)
                .build();
        V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
                .setMetadata(metadata("web", "default").putLabels("app", "web"))
                .setSpec(V1Apps.DeploymentSpec.newBuilder()
                        .setReplicas(3)
                        .setSelector(Meta.LabelSelector.newBuilder().putMatchLabels("app", "web"))
                        .setTemplate(V1.PodTemplateSpec.newBuilder()
                                .setMetadata(metadata("", "").putLabels("app", "web"))
                                .setSpec(V1.PodSpec.newBuilder().addContainers(container)))
                        .setStrategy(V1Apps.DeploymentStrategy.newBuilder()
                                .setType("RollingUpdate")
                                .setRollingUpdate(V1Apps.RollingUpdateDeployment.newBuilder()
                                        .setMaxSurge(IntStr.IntOrString.newBuilder().setType(1).setStrVal("25%"))
                                        .setMaxUnavailable(IntStr.IntOrString.newBuilder().setType(0).setIntVal(1)))))
                .build();

        ObjectNode decoded = decoder.decode(envelope("apps/v1", "Deployment", deployment));

        assertEquals(json("""
                {'apiVersion':'apps/v1','kind':'Deployment',
                 'metadata':{'name':'web','namespace':'default','labels':{'app':'web'}},
                 'spec':{'replicas':3,
                   'selector':{'matchLabels':{'app':'web'}},
                   'template':{'metadata':{'labels':{'app':'web'}},
                     'spec':{'containers':[{'name':'web','image':'nginx:1.27',
                       'ports':[{'containerPort':80,'protocol':'TCP'}],
                       'resources':{'limits':{'cpu':'500m'},'requests':{'memory':'64Mi'}}}]}},
                   'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxUnavailable':1,'maxSurge':'25%'}}}}
                """), decoded);
    }

    @Test
    void encodesSecretBytesAsBase64AndKeepsEmptyMapValues() {
        V1.Secret secret = V1.Secret.newBuilder()
                .setMetadata(metadata("creds", "default"))
                .putData("password", ByteString.copyFromUtf8("s3cr3t"))
                .putData("empty", ByteString.EMPTY)
                .setType("Opaque")
                .build();

        ObjectNode decoded = decoder.decode(envelope("v1", "Secret", secret));

        assertEquals("czNjcjN0", decoded.at("/data/password").asText());
        assertEquals("", decoded.at("/data/empty").asText());
        assertEquals("Opaque", decoded.get("type").asText());
    }

    @Test
    void decodesConfigMapData() throws Exception {
        V1.ConfigMap configMap = V1.ConfigMap.newBuilder()
                .setMetadata(metadata("settings", "prod"))
                .putData("mode", "fast")
                .putData("blank", "")
                .putBinaryData("blob", ByteString.copyFrom(new byte[] {1, 2, 3}))
                .build();

        ObjectNode decoded = decoder.decode(envelope("v1", "ConfigMap", configMap));

        assertEquals(json("""
                {'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'settings','namespace':'prod'},
                 'data':{'mode':'fast','blank':''},'binaryData':{'blob':'AQID'}}
                """), decoded);
    }

    @Test
    void decodesSelfSubjectAccessReview() throws Exception {
        V1Authorization.SelfSubjectAccessReview review = V1Authorization.SelfSubjectAccessReview.newBuilder()
                .setMetadata(metadata("", ""))
                .setSpec(V1Authorization.SelfSubjectAccessReviewSpec.newBuilder()
                        .setResourceAttributes(V1Authorization.ResourceAttributes.newBuilder()
                                .setNamespace("default").setVerb("create").setGroup("").setVersion("")
                                .setResource("pods").setSubresource("").setName("")))
                .setStatus(V1Authorization.SubjectAccessReviewStatus.newBuilder()
                        .setAllowed(false).setDenied(false).setReason("").setEvaluationError(""))
                .build();

        ObjectNode decoded = decoder.decode(envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview", review));

        assertEquals(json("""
                {'apiVersion':'authorization.k8s.io/v1','kind':'SelfSubjectAccessReview','metadata':{},
                 'spec':{'resourceAttributes':{'namespace':'default','verb':'create','resource':'pods'}},
                 'status':{'allowed':false,'denied':false}}
                """), decoded);
    }

    @Test
    void decodesDeleteOptionsOfAnyGroupVersion() throws Exception {
        Meta.DeleteOptions options = Meta.DeleteOptions.newBuilder()
                .setGracePeriodSeconds(0)
                .setPropagationPolicy("Foreground")
                .addDryRun("All")
                .build();

        for (String apiVersion : new String[] {"v1", "meta.k8s.io/v1", "apps/v1"}) {
            ObjectNode decoded = decoder.decode(envelope(apiVersion, "DeleteOptions", options));

            assertEquals(json("{'apiVersion':'" + apiVersion + "','kind':'DeleteOptions','gracePeriodSeconds':0,"
                    + "'propagationPolicy':'Foreground','dryRun':['All']}"), decoded);
        }
    }

    @Test
    void formatsTimeAndMicroTime() {
        V1.Event event = V1.Event.newBuilder()
                .setMetadata(metadata("e1", "default")
                        .setCreationTimestamp(Meta.Time.newBuilder().setSeconds(1704164645L)))
                .setEventTime(Meta.MicroTime.newBuilder().setSeconds(1704164645L).setNanos(123456789))
                .setFirstTimestamp(Meta.Time.newBuilder())
                .build();

        ObjectNode decoded = decoder.decode(envelope("v1", "Event", event));

        assertEquals("2024-01-02T03:04:05Z", decoded.at("/metadata/creationTimestamp").asText());
        assertEquals("2024-01-02T03:04:05.123456Z", decoded.get("eventTime").asText());
        assertFalse(decoded.has("firstTimestamp"));
    }

    @Test
    void embedsRawExtensionJsonAndNestedProtobuf() throws Exception {
        V1Apps.ControllerRevision jsonRevision = V1Apps.ControllerRevision.newBuilder()
                .setMetadata(metadata("rev-1", "default"))
                .setData(Runtime.RawExtension.newBuilder()
                        .setRaw(ByteString.copyFrom("{\"spec\":{\"replicas\":2}}", StandardCharsets.UTF_8)))
                .setRevision(1)
                .build();
        assertEquals(json("{'spec':{'replicas':2}}"),
                decoder.decode(envelope("apps/v1", "ControllerRevision", jsonRevision)).get("data"));

        byte[] nested = envelope("v1", "ConfigMap",
                V1.ConfigMap.newBuilder().setMetadata(metadata("inner", "")).build());
        V1Apps.ControllerRevision protoRevision = jsonRevision.toBuilder()
                .setData(Runtime.RawExtension.newBuilder().setRaw(ByteString.copyFrom(nested)))
                .build();
        assertEquals(json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'inner'}}"),
                decoder.decode(envelope("apps/v1", "ControllerRevision", protoRevision)).get("data"));
    }

    @Test
    void unwrapsSliceTypesToArrays() {
        V1Authorization.SubjectAccessReview review = V1Authorization.SubjectAccessReview.newBuilder()
                .setMetadata(metadata("", ""))
                .setSpec(V1Authorization.SubjectAccessReviewSpec.newBuilder()
                        .setUser("alice")
                        .addGroups("devs")
                        .putExtra("scopes", V1Authorization.ExtraValue.newBuilder().addItems("a").addItems("b").build()))
                .build();

        ObjectNode decoded = decoder.decode(envelope("authorization.k8s.io/v1", "SubjectAccessReview", review));

        assertEquals("[\"a\",\"b\"]", decoded.at("/spec/extra/scopes").toString());
        assertEquals("[\"devs\"]", decoded.at("/spec/groups").toString());
    }

    @Test
    void rejectsBodyWithoutMagicPrefix() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> decoder.decode("{\"kind\":\"Namespace\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(error.getMessage().contains("does not appear to be a protobuf message"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(new byte[0]));
    }

    @Test
    void rejectsTruncatedBody() {
        byte[] body = envelope("v1", "Namespace", V1.Namespace.newBuilder().setMetadata(metadata("team-a", "")).build());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> decoder.decode(Arrays.copyOf(body, body.length - 3)));
        assertTrue(error.getMessage().startsWith("unable to decode"), error.getMessage());
    }

    @Test
    void rejectsCorruptObjectInsideValidEnvelope() {
        Runtime.Unknown unknown = Runtime.Unknown.newBuilder()
                .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion("v1").setKind("Namespace"))
                .setRaw(ByteString.copyFrom(new byte[] {0x0A, 0x7F, 0x01}))
                .build();
        byte[] body = new byte[4 + unknown.getSerializedSize()];
        System.arraycopy(new byte[] {0x6B, 0x38, 0x73, 0x00}, 0, body, 0, 4);
        System.arraycopy(unknown.toByteArray(), 0, body, 4, unknown.getSerializedSize());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> decoder.decode(body));
        assertTrue(error.getMessage().startsWith("unable to decode Namespace from protobuf"), error.getMessage());
    }

    @Test
    void rejectsUnknownKind() {
        byte[] body = envelope("example.com/v1", "Widget", V1.ConfigMap.getDefaultInstance());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> decoder.decode(body));
        assertEquals("no kind \"Widget\" is registered for version \"example.com/v1\"", error.getMessage());
    }

    @Test
    void rejectsEnvelopeWithoutKind() {
        byte[] body = envelope("v1", "", V1.ConfigMap.getDefaultInstance());

        assertThrows(IllegalArgumentException.class, () -> decoder.decode(body));
    }
}
