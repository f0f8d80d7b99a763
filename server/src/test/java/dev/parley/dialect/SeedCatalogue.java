package dev.parley.dialect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every fenced code block of every seed document, by id ({@code seed#index}, numbered as {@code SeedDocument} reads
 * them), with the test that replays or checks it ({@code Class#method}, classes under {@code dev.parley}), or, for a
 * block that is no exchange with the API, {@code none: } and why. {@code SeedCatalogueTests} fails when a block is
 * missing here, when an entry names a block that does not exist, or when a named test does not.
 */
final class SeedCatalogue {

    private SeedCatalogue() {}

    static final String CONFORMANCE = "dialect.SeedConformanceTests#";
    static final String VERIFIERS = "webhook.SeedWebhookVerifierTests#";
    static final String WIDGET_SOCKET = "live.SeedWidgetSocketConformanceTests#framesAsSeed001DocumentsThem";
    static final String VOICE_SOCKET = "voice.SeedVoiceConformanceTests#framesAsSeed004DocumentsThem";

    static final Map<String, String> BLOCKS = new LinkedHashMap<>();

    static {
        // seed 000
        use("000#0", CONFORMANCE + "seed000ChatAnswersInItsCamelCase"); // base URL /api
        use("000#1", CONFORMANCE + "seed000ChatAnswersInItsCamelCase"); // Authorization + X-Domain on every call
        use(
                "000#2",
                "none: the success envelope {success, data, timestamp} is no endpoint's example; every endpoint"
                        + " documents its resource directly and Parley answers so (docs/api-mapping.md)");
        use("000#3", CONFORMANCE + "seed000ErrorsInItsEnvelopeWithItsCodes");
        use("000#4", CONFORMANCE + "seed000ChatAnswersInItsCamelCase");
        use("000#5", CONFORMANCE + "seed000ChatAnswersInItsCamelCase");
        use("000#6", CONFORMANCE + "seed000ChatAnswersInItsCamelCase");
        use("000#7", CONFORMANCE + "seed000IntelligenceAndDashboard");
        use("000#8", CONFORMANCE + "seed000PrometheusMetrics");
        use("000#9", CONFORMANCE + "seed000ScrapeStatusAndItsCompletedEvent");
        use("000#10", CONFORMANCE + "seed000ScrapeStatusAndItsCompletedEvent");
        use("000#11", CONFORMANCE + "seed000ScrapeStatusAndItsCompletedEvent");
        use("000#12", CONFORMANCE + "seed000TrainingOneAndInBatch");
        use("000#13", CONFORMANCE + "seed000GdprExportAndDelete");
        use("000#14", CONFORMANCE + "seed000GdprExportAndDelete");
        use("000#15", CONFORMANCE + "seed000GdprExportAndDelete");
        use("000#16", CONFORMANCE + "seed000IntelligenceAndDashboard");
        use("000#17", VERIFIERS + "seed000sNodeVerifierAcceptsTheHexSignatureOfABodyAsJavaScriptWritesIt");
        use("000#18", CONFORMANCE + "seed000ScrapeStatusAndItsCompletedEvent");
        use("000#19", CONFORMANCE + "seed000SessionEndedEvent");
        use("000#20", CONFORMANCE + "seed000SdkCallsArriveAsItsRestRequests");
        use("000#21", CONFORMANCE + "seed000ErrorsInItsEnvelopeWithItsCodes");
        use("000#22", CONFORMANCE + "seed000TrainingOneAndInBatch");
        use(
                "000#23",
                "none: a client-side cache around client.analytics.get, the request of block 20's"
                        + " getIntelligence");
        use(
                "000#24",
                "none: the integrator's own receiver answering 200 at once; Parley's retries are"
                        + " WebhookDeliveryTests'");
        // seed 001
        use("001#0", CONFORMANCE + "seed001ConversationsFromCreateToResolve");
        use("001#1", CONFORMANCE + "seed001ConversationsFromCreateToResolve");
        for (int i = 2; i <= 17; i++) {
            use("001#" + i, CONFORMANCE + "seed001ConversationsFromCreateToResolve");
        }
        use("001#18", "commerce.StoreWebhookTests#aSignedShopifyOrderUpdatesTheCacheOnce");
        use("001#19", "commerce.StoreWebhookTests#aSignedShopifyOrderUpdatesTheCacheOnce");
        use("001#20", "commerce.StoreWebhookTests#aSignedShopifyOrderUpdatesTheCacheOnce");
        use("001#21", "commerce.GorgiasTests#anEscalationOpensATicketAndMessagesFlowBothWays");
        use("001#22", "commerce.GorgiasTests#refusesUnsignedOrWronglySignedWebhooksAndUnknownTickets");
        use("001#23", "commerce.GorgiasTests#anEscalationOpensATicketAndMessagesFlowBothWays");
        use("001#24", "commerce.GorgiasTests#anEscalationOpensATicketAndMessagesFlowBothWays");
        use("001#25", CONFORMANCE + "seed001AnalyticsAndStoreSettings");
        use("001#26", CONFORMANCE + "seed001AnalyticsAndStoreSettings");
        for (int i = 27; i <= 31; i++) {
            use("001#" + i, CONFORMANCE + "seed001AnalyticsAndStoreSettings");
        }
        use("001#32", WIDGET_SOCKET);
        use("001#33", WIDGET_SOCKET);
        use("001#34", WIDGET_SOCKET);
        use("001#35", CONFORMANCE + "seed001ErrorCodes");
        use("001#36", CONFORMANCE + "seed001SdksSpellingsAreAccepted");
        use("001#37", CONFORMANCE + "seed001SdksSpellingsAreAccepted");
        use("001#38", CONFORMANCE + "seed001ConversationsFromCreateToResolve");
        // seed 002
        use("002#0", CONFORMANCE + "seed002ConversationsOnItsOwnPath");
        use("002#1", CONFORMANCE + "seed002ConversationsOnItsOwnPath");
        use("002#2", CONFORMANCE + "seed002ConversationsOnItsOwnPath");
        use("002#3", CONFORMANCE + "seed002ConversationsOnItsOwnPath");
        use("002#4", CONFORMANCE + "seed002ConversationsOnItsOwnPath");
        use("002#5", CONFORMANCE + "seed002KnowledgeBaseAndAnalytics");
        use("002#6", CONFORMANCE + "seed002KnowledgeBaseAndAnalytics");
        use("002#7", CONFORMANCE + "seed002KnowledgeBaseAndAnalytics");
        use("002#8", CONFORMANCE + "seed002KnowledgeBaseAndAnalytics");
        use("002#9", CONFORMANCE + "seed002WebhookPayload");
        use("002#10", VERIFIERS + "seed002sPythonVerifierAcceptsTheDefaultSignature");
        use("002#11", VERIFIERS + "seed002sPythonVerifierAcceptsTheDefaultSignature");
        use("002#12", "none: an architecture diagram");
        use("002#13", "none: installs the seed's npm package, which does not exist; its calls are block 14's");
        use("002#14", CONFORMANCE + "seed002ConversationsOnItsOwnPath");
        use("002#15", "none: installs the seed's pip package, which does not exist; its calls are block 16's");
        use("002#16", CONFORMANCE + "seed002ConversationsOnItsOwnPath");
        use("002#17", CONFORMANCE + "seed002ConversationsOnItsOwnPath");
        use("002#18", "console.BrowserTests#aShopperAsksGetsAnAnswerWithItsSourceAsksForAHumanAndRatesTheAgentsHelp");
        use("002#19", "widget.WidgetApiTests#answersCrossOriginPreflightsAndServesTheScriptWithCachingHeaders");
        use("002#20", CONFORMANCE + "seed002ErrorsCarryTheRequestIdInsideTheError");
        use("002#21", CONFORMANCE + "seed002ErrorsCarryTheRequestIdInsideTheError");
        // seed 003
        for (int i = 0; i <= 6; i++) {
            use("003#" + i, CONFORMANCE + "seed003ChatsAgentsAndAnalytics");
        }
        for (int i = 7; i <= 9; i++) {
            use("003#" + i, CONFORMANCE + "seed003WebhooksWidgetTriggersAndFiles");
        }
        use("003#10", CONFORMANCE + "seed003ChatsAgentsAndAnalytics");
        use("003#11", CONFORMANCE + "seed003ChatsAgentsAndAnalytics");
        for (int i = 12; i <= 19; i++) {
            use("003#" + i, CONFORMANCE + "seed003WebhooksWidgetTriggersAndFiles");
        }
        use("003#20", CONFORMANCE + "seed003ErrorsInUzbekWithTheEnglishBeside");
        // seed 004
        use("004#0", CONFORMANCE + "seed004HealthSessionsAndAnalytics");
        use("004#1", CONFORMANCE + "seed004HealthSessionsAndAnalytics");
        use("004#2", VOICE_SOCKET);
        use("004#3", VOICE_SOCKET);
        use("004#4", VOICE_SOCKET);
        for (int i = 5; i <= 9; i++) {
            use("004#" + i, CONFORMANCE + "seed004HealthSessionsAndAnalytics");
        }
        use("004#10", CONFORMANCE + "seed004ProductSearchAndToolExecution");
        use("004#11", CONFORMANCE + "seed004ProductSearchAndToolExecution");
        for (int i = 12; i <= 14; i++) {
            use("004#" + i, CONFORMANCE + "seed004HealthSessionsAndAnalytics");
        }
        use("004#15", CONFORMANCE + "seed004ErrorsWithItsUpperCaseCodes");
        use("004#16", CONFORMANCE + "seed004HealthSessionsAndAnalytics");
        use("004#17", VOICE_SOCKET);
        use("004#18", VOICE_SOCKET);
        use("004#19", VOICE_SOCKET);
        use("004#20", CONFORMANCE + "seed004ProductSearchAndToolExecution");
        use("004#21", CONFORMANCE + "seed004ProductSearchAndToolExecution");
        use("004#22", VOICE_SOCKET);
    }

    private static void use(String block, String coveredBy) {
        if (BLOCKS.put(block, coveredBy) != null) {
            throw new IllegalStateException(block + " listed twice");
        }
    }
}
