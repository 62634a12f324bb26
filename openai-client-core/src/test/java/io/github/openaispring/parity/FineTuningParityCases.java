package io.github.openaispring.parity;

import java.util.List;

import io.github.openaispring.models.EvalItem;
import io.github.openaispring.models.EvalItemContentItem;
import io.github.openaispring.models.FineTuneDPOHyperparameters;
import io.github.openaispring.models.FineTuneDPOMethod;
import io.github.openaispring.models.FineTuneMethod;
import io.github.openaispring.models.FineTuneReinforcementHyperparameters;
import io.github.openaispring.models.FineTuneReinforcementMethod;
import io.github.openaispring.models.FineTuneSupervisedHyperparameters;
import io.github.openaispring.models.FineTuneSupervisedMethod;
import io.github.openaispring.models.FineTuningCheckpointPermissionCreateParams;
import io.github.openaispring.models.FineTuningCheckpointPermissionDeleteParams;
import io.github.openaispring.models.FineTuningCheckpointPermissionListParams;
import io.github.openaispring.models.FineTuningJobCheckpointListParams;
import io.github.openaispring.models.FineTuningJobCreateParams;
import io.github.openaispring.models.FineTuningJobListEventsParams;
import io.github.openaispring.models.FineTuningJobListParams;
import io.github.openaispring.models.GraderMulti;
import io.github.openaispring.models.GraderPython;
import io.github.openaispring.models.GraderRunParams;
import io.github.openaispring.models.GraderScoreModel;
import io.github.openaispring.models.GraderStringCheck;
import io.github.openaispring.models.GraderTextSimilarity;
import io.github.openaispring.models.GraderValidateParams;
import io.github.openaispring.models.InputTextContent;

/** The twin of {@code cases/fine_tuning.mjs}. */
final class FineTuningParityCases implements ParityGroup {

	private static final String CHECKPOINT = "ft:gpt-4o-mini-2024-07-18:org:parity:ftjob-abc123:ckpt-step-88";

	private static final String PYTHON_SOURCE = "def grade(sample, item):\n    return 1.0\n";

	@Override
	public String name() {
		return "fine_tuning";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(new ParityCase("fine_tuning.jobs.create/supervised", (client) -> client.fineTuning()
			.jobs()
			.create(FineTuningJobCreateParams.builder()
				.model("gpt-4o-mini-2024-07-18")
				.trainingFile("file-train123")
				.validationFile("file-valid123")
				.suffix("parity")
				.seed(42)
				.hyperparameters(FineTuningJobCreateParams.Hyperparameters.builder()
					.batchSize("auto")
					.learningRateMultiplier(0.5)
					.nEpochs(3L)
					.build())
				.method(FineTuneMethod.builder()
					.type("supervised")
					.supervised(FineTuneSupervisedMethod.builder()
						.hyperparameters(FineTuneSupervisedHyperparameters.builder()
							.batchSize(8L)
							.learningRateMultiplier("auto")
							.nEpochs("auto")
							.build())
						.build())
					.build())
				.addIntegration(FineTuningJobCreateParams.Integration.builder()
					.type("wandb")
					.wandb(FineTuningJobCreateParams.Integration.Wandb.builder()
						.project("parity-project")
						.name("run-1")
						.entity("team")
						.addTag("a")
						.addTag("b")
						.build())
					.build())
				.putMetadata("team", "parity")
				.putMetadata("run", "1")
				.build())),
				new ParityCase("fine_tuning.jobs.create/dpo", (client) -> client.fineTuning()
					.jobs()
					.create(FineTuningJobCreateParams.builder()
						.model("gpt-4o-2024-08-06")
						.trainingFile("file-train123")
						.method(FineTuneMethod.builder()
							.type("dpo")
							.dpo(FineTuneDPOMethod.builder()
								.hyperparameters(FineTuneDPOHyperparameters.builder()
									.beta(0.1)
									.batchSize("auto")
									.learningRateMultiplier(2.0)
									.nEpochs(1L)
									.build())
								.build())
							.build())
						.build())),
				new ParityCase("fine_tuning.jobs.create/reinforcement", (client) -> client.fineTuning()
					.jobs()
					.create(FineTuningJobCreateParams.builder()
						.model("o4-mini")
						.trainingFile("file-train123")
						.method(FineTuneMethod.builder()
							.type("reinforcement")
							.reinforcement(FineTuneReinforcementMethod.builder()
								.grader(scoreModel())
								.hyperparameters(FineTuneReinforcementHyperparameters.builder()
									.batchSize(4L)
									.computeMultiplier(1.5)
									.evalInterval("auto")
									.evalSamples(10L)
									.learningRateMultiplier("auto")
									.nEpochs(2L)
									.reasoningEffort("medium")
									.build())
								.build())
							.build())
						.build())),
				new ParityCase("fine_tuning.jobs.list/pages", (client) -> Drain.pages(client.fineTuning()
					.jobs()
					.list(FineTuningJobListParams.builder().limit(2).putMetadata("team", "parity").build()))),
				new ParityCase("fine_tuning.jobs.retrieve", (client) -> client.fineTuning().jobs().retrieve("ftjob-abc123")),
				new ParityCase("fine_tuning.jobs.cancel", (client) -> client.fineTuning().jobs().cancel("ftjob-abc123")),
				new ParityCase("fine_tuning.jobs.pause", (client) -> client.fineTuning().jobs().pause("ftjob-abc123")),
				new ParityCase("fine_tuning.jobs.resume", (client) -> client.fineTuning().jobs().resume("ftjob-abc123")),
				new ParityCase("fine_tuning.jobs.list_events/pages", (client) -> Drain.pages(client.fineTuning()
					.jobs()
					.listEvents(FineTuningJobListEventsParams.builder().fineTuningJobId("ftjob-abc123").limit(2).build()))),
				new ParityCase("fine_tuning.jobs.checkpoints.list/pages", (client) -> Drain.pages(client.fineTuning()
					.jobs()
					.checkpoints()
					.list(FineTuningJobCheckpointListParams.builder()
						.fineTuningJobId("ftjob-abc123")
						.limit(2)
						.after("ftckpt-0")
						.build()))),
				new ParityCase("fine_tuning.checkpoints.permissions.create", (client) -> client.fineTuning()
					.checkpoints()
					.permissions()
					.create(FineTuningCheckpointPermissionCreateParams.builder()
						.fineTunedModelCheckpoint(CHECKPOINT)
						.addProjectId("proj-1")
						.addProjectId("proj-2")
						.build())),
				new ParityCase("fine_tuning.checkpoints.permissions.list/pages-by-last-id", (client) -> Drain.pages(client
					.fineTuning()
					.checkpoints()
					.permissions()
					.list(FineTuningCheckpointPermissionListParams.builder()
						.fineTunedModelCheckpoint(CHECKPOINT)
						.limit(2)
						.order("ascending")
						.projectId("proj-1")
						.build()))),
				new ParityCase("fine_tuning.checkpoints.permissions.delete", (client) -> client.fineTuning()
					.checkpoints()
					.permissions()
					.delete(FineTuningCheckpointPermissionDeleteParams.builder()
						.fineTunedModelCheckpoint(CHECKPOINT)
						.permissionId("cp-1")
						.build())),
				new ParityCase("fine_tuning.alpha.graders.run", (client) -> client.fineTuning()
					.alpha()
					.graders()
					.run(GraderRunParams.builder()
						.grader(GraderMulti.builder()
							.name("combined")
							.graders(GraderTextSimilarity.builder()
								.name("similar")
								.input("{{sample.output_text}}")
								.reference("{{item.answer}}")
								.evaluationMetric("fuzzy_match")
								.build())
							.calculateOutput("similar")
							.build())
						.modelSample("Paris")
						.putItem("answer", "Paris")
						.putItem("tags", List.of("geo"))
						.putItem("score", 1)
						.build())),
				new ParityCase("fine_tuning.alpha.graders.run/string-check", (client) -> client.fineTuning()
					.alpha()
					.graders()
					.run(GraderRunParams.builder().grader(stringCheck()).modelSample("Lyon").build())),
				new ParityCase("fine_tuning.alpha.graders.validate", (client) -> client.fineTuning()
					.alpha()
					.graders()
					.validate(GraderValidateParams.builder()
						.grader(GraderPython.builder().name("py").source(PYTHON_SOURCE).imageTag("2025-05-08").build())
						.build())));
	}

	private static GraderStringCheck stringCheck() {
		return GraderStringCheck.builder()
			.name("exact")
			.input("{{sample.output_text}}")
			.reference("{{item.answer}}")
			.operation("eq")
			.build();
	}

	private static GraderScoreModel scoreModel() {
		return GraderScoreModel.builder()
			.name("judge")
			.model("gpt-4o-mini")
			.addInput(EvalItem.builder()
				.role("system")
				.content(EvalItemContentItem.ofString("Score the answer from 0 to 1."))
				.build())
			.addInput(EvalItem.builder()
				.role("user")
				.type("message")
				.content(List.of(InputTextContent.builder().text("Answer: {{sample.output_text}}").build()))
				.build())
			.addRange(0.0)
			.addRange(1.0)
			.samplingParams(GraderScoreModel.SamplingParams.builder()
				.seed(7)
				.temperature(0.0)
				.topP(1.0)
				.maxCompletionsTokens(100)
				.reasoningEffort("low")
				.build())
			.build();
	}

}
