// SPDX-License-Identifier: Apache-2.0
/**
 * Model evaluation on the held-out synthetic test split (issue 5): the segmentation models against
 * the truth ROI and liver masks, and liver stiffness from the DL map, the physics inversion and the
 * vendor elastogram against the simulator's truth, with the seed papers' figures beside ours.
 * Entry point: {@link dev.mre.server.eval.Evaluation#run}; the {@code evaluate} command prints
 * {@link dev.mre.server.eval.ReportMarkdown} and writes {@link dev.mre.server.eval.ReportJson}.
 * See docs/evaluation.md.
 */
package dev.mre.server.eval;
