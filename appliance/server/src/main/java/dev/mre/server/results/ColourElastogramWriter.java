// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.results;

import dev.mre.dicom.data.Attributes;
import dev.mre.dicom.data.Tag;
import dev.mre.dicom.data.UID;
import dev.mre.dicom.data.VR;
import java.util.ArrayList;
import java.util.List;

/**
 * Colour elastograms: one Secondary Capture Image Storage object per slice (PS3.3 A.8.1), RGB,
 * pixel-interleaved, with the values burned in ({@link ElastogramRenderer}). Secondary Capture is
 * the object every console and PACS viewer displays; it carries no geometry, so the quantitative
 * values travel in the stiffness map and the SR. Modules: Patient, General Study, General Series,
 * General Equipment, SC Equipment (ConversionType WSD), General Image (ImageType
 * DERIVED\SECONDARY, BurnedInAnnotation YES, ReferencedImageSequence and SourceImageSequence to the
 * slice's magnitude image), Image Pixel, SC Image, SOP Common.
 */
final class ColourElastogramWriter {
    private ColourElastogramWriter() {
    }

    static List<ResultObject> write(ExamResult r, ResultOptions o, ResultUids uids) {
        String series = uids.uid("sc-series");
        ColourScale scale = new ColourScale(o.scaleMaxKpa());
        List<ResultObject> out = new ArrayList<>();
        for (int k = 0; k < r.slices().size(); k++) {
            ExamResult.Slice s = r.slices().get(k);
            String sop = uids.uid("sc/" + (k + 1));
            Attributes a = Modules.base(r, o, UID.SecondaryCaptureImageStorage, sop, series, "MR", o.elastogram(), k + 1);
            a.setString(Tag.ConversionType, VR.CS, "WSD");
            a.setString(Tag.BodyPartExamined, VR.CS, "LIVER");
            a.setString(Tag.ImageType, VR.CS, "DERIVED", "SECONDARY");
            a.setString(Tag.PatientOrientation, VR.CS, PatientOrientation.of(s.geometry().orientation()));
            a.setString(Tag.BurnedInAnnotation, VR.CS, "YES");
            a.setString(Tag.RecognizableVisualFeatures, VR.CS, "NO");
            a.setString(Tag.LossyImageCompression, VR.CS, "00");
            a.setString(Tag.DerivationDescription, VR.ST, "Colour elastogram: |G*| in kPa, viridis scale 0 to "
                    + o.scaleMaxKpa() + " kPa inside the liver mask over the magnitude image; ROI outlined; values burned in");
            a.newSequence(Tag.ReferencedImageSequence).add(Modules.sopRef(s.image().sopClassUid(), s.image().sopInstanceUid()));
            a.newSequence(Tag.SourceImageSequence).add(Modules.sourceImage(s.image()));
            RgbCanvas c = ElastogramRenderer.render(r, k, scale);
            a.setInt(Tag.SamplesPerPixel, VR.US, 3);
            a.setString(Tag.PhotometricInterpretation, VR.CS, "RGB");
            a.setInt(Tag.PlanarConfiguration, VR.US, 0);
            a.setInt(Tag.Rows, VR.US, c.height);
            a.setInt(Tag.Columns, VR.US, c.width);
            a.setInt(Tag.BitsAllocated, VR.US, 8);
            a.setInt(Tag.BitsStored, VR.US, 8);
            a.setInt(Tag.HighBit, VR.US, 7);
            a.setInt(Tag.PixelRepresentation, VR.US, 0);
            a.setBytes(Tag.PixelData, VR.OB, c.pixels);
            out.add(new ResultObject(ResultObject.Kind.COLOUR_ELASTOGRAM, a));
        }
        return out;
    }
}
