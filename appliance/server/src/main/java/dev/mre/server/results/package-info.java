// SPDX-License-Identifier: Apache-2.0
/**
 * Result writers: one processed MRE exam ({@link dev.mre.server.results.ExamResult}) to the DICOM
 * objects sent back to the console and PACS - colour elastogram (Secondary Capture), stiffness map
 * (Parametric Map, kPa), segmentation (SEG) and measurement report (Comprehensive SR, TID 1500).
 * Entry point: {@link dev.mre.server.results.ResultObjects#write}. See docs/results.md.
 */
package dev.mre.server.results;
