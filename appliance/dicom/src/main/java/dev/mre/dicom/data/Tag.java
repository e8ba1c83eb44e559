// SPDX-License-Identifier: Apache-2.0
package dev.mre.dicom.data;

/**
 * Data element tags as 32-bit ints, (gggg,eeee) = 0xggggeeee, with the tags this appliance names
 * in code. Exists so that code says {@code Tag.SOPInstanceUID} instead of a magic number; every
 * other tag's keyword and VR come from {@link ElementDictionary}.
 */
public final class Tag {
    private Tag() {}

    // Command elements (group 0000, PS3.7 E.1), always Implicit VR Little Endian.
    public static final int CommandGroupLength = 0x00000000;
    public static final int AffectedSOPClassUID = 0x00000002;
    public static final int RequestedSOPClassUID = 0x00000003;
    public static final int CommandField = 0x00000100;
    public static final int MessageID = 0x00000110;
    public static final int MessageIDBeingRespondedTo = 0x00000120;
    public static final int MoveDestination = 0x00000600;
    public static final int Priority = 0x00000700;
    public static final int CommandDataSetType = 0x00000800;
    public static final int Status = 0x00000900;
    public static final int OffendingElement = 0x00000901;
    public static final int ErrorComment = 0x00000902;
    public static final int ErrorID = 0x00000903;
    public static final int AffectedSOPInstanceUID = 0x00001000;
    public static final int RequestedSOPInstanceUID = 0x00001001;
    public static final int NumberOfRemainingSuboperations = 0x00001020;
    public static final int NumberOfCompletedSuboperations = 0x00001021;
    public static final int NumberOfFailedSuboperations = 0x00001022;
    public static final int NumberOfWarningSuboperations = 0x00001023;
    public static final int MoveOriginatorApplicationEntityTitle = 0x00001030;
    public static final int MoveOriginatorMessageID = 0x00001031;

    // File Meta Information and data set elements.
    public static final int FileMetaInformationGroupLength = 0x00020000;
    public static final int FileMetaInformationVersion = 0x00020001;
    public static final int MediaStorageSOPClassUID = 0x00020002;
    public static final int MediaStorageSOPInstanceUID = 0x00020003;
    public static final int TransferSyntaxUID = 0x00020010;
    public static final int ImplementationClassUID = 0x00020012;
    public static final int ImplementationVersionName = 0x00020013;
    public static final int SourceApplicationEntityTitle = 0x00020016;
    public static final int SpecificCharacterSet = 0x00080005;
    public static final int ImageType = 0x00080008;
    public static final int InstanceCreationDate = 0x00080012;
    public static final int InstanceCreationTime = 0x00080013;
    public static final int SOPClassUID = 0x00080016;
    public static final int SOPInstanceUID = 0x00080018;
    public static final int StudyDate = 0x00080020;
    public static final int SeriesDate = 0x00080021;
    public static final int AcquisitionDate = 0x00080022;
    public static final int ContentDate = 0x00080023;
    public static final int StudyTime = 0x00080030;
    public static final int SeriesTime = 0x00080031;
    public static final int AcquisitionTime = 0x00080032;
    public static final int ContentTime = 0x00080033;
    public static final int AccessionNumber = 0x00080050;
    public static final int Modality = 0x00080060;
    public static final int Manufacturer = 0x00080070;
    public static final int InstitutionName = 0x00080080;
    public static final int ReferringPhysicianName = 0x00080090;
    public static final int StationName = 0x00081010;
    public static final int StudyDescription = 0x00081030;
    public static final int SeriesDescription = 0x0008103E;
    public static final int ManufacturerModelName = 0x00081090;
    public static final int ReferencedSOPClassUID = 0x00081150;
    public static final int ReferencedSOPInstanceUID = 0x00081155;
    public static final int PatientName = 0x00100010;
    public static final int PatientID = 0x00100020;
    public static final int PatientBirthDate = 0x00100030;
    public static final int PatientSex = 0x00100040;
    public static final int PatientAge = 0x00101010;
    public static final int PatientWeight = 0x00101030;
    public static final int BodyPartExamined = 0x00180015;
    public static final int ScanningSequence = 0x00180020;
    public static final int SliceThickness = 0x00180050;
    public static final int RepetitionTime = 0x00180080;
    public static final int EchoTime = 0x00180081;
    public static final int MagneticFieldStrength = 0x00180087;
    public static final int SpacingBetweenSlices = 0x00180088;
    public static final int TriggerTime = 0x00181060;
    public static final int ProtocolName = 0x00181030;
    public static final int StudyInstanceUID = 0x0020000D;
    public static final int SeriesInstanceUID = 0x0020000E;
    public static final int StudyID = 0x00200010;
    public static final int SeriesNumber = 0x00200011;
    public static final int AcquisitionNumber = 0x00200012;
    public static final int InstanceNumber = 0x00200013;
    public static final int ImagePositionPatient = 0x00200032;
    public static final int ImageOrientationPatient = 0x00200037;
    public static final int FrameOfReferenceUID = 0x00200052;
    public static final int TemporalPositionIdentifier = 0x00200100;
    public static final int NumberOfTemporalPositions = 0x00200105;
    public static final int ImagesInAcquisition = 0x00201002;
    public static final int SliceLocation = 0x00201041;
    public static final int SamplesPerPixel = 0x00280002;
    public static final int PhotometricInterpretation = 0x00280004;
    public static final int NumberOfFrames = 0x00280008;
    public static final int Rows = 0x00280010;
    public static final int Columns = 0x00280011;
    public static final int PixelSpacing = 0x00280030;
    public static final int BitsAllocated = 0x00280100;
    public static final int BitsStored = 0x00280101;
    public static final int HighBit = 0x00280102;
    public static final int PixelRepresentation = 0x00280103;
    public static final int WindowCenter = 0x00281050;
    public static final int WindowWidth = 0x00281051;
    public static final int RescaleIntercept = 0x00281052;
    public static final int RescaleSlope = 0x00281053;
    public static final int Item = 0xFFFEE000;
    public static final int ItemDelimitationItem = 0xFFFEE00D;
    public static final int SequenceDelimitationItem = 0xFFFEE0DD;
    // Acquisition and image attributes written by the phantom simulator and read by the exam reader.
    public static final int ComplexImageComponent = 0x00089208;
    public static final int SequenceVariant = 0x00180021;
    public static final int ScanOptions = 0x00180022;
    public static final int MRAcquisitionType = 0x00180023;
    public static final int NumberOfAverages = 0x00180083;
    public static final int ImagingFrequency = 0x00180084;
    public static final int ImagedNucleus = 0x00180085;
    public static final int EchoTrainLength = 0x00180091;
    public static final int SoftwareVersions = 0x00181020;
    public static final int FlipAngle = 0x00181314;
    public static final int PatientPosition = 0x00185100;
    public static final int PositionReferenceIndicator = 0x00201040;
    public static final int ImageComments = 0x00204000;
    public static final int RescaleType = 0x00281054;

    // Result objects written by dev.mre.server.results: secondary capture, parametric map, SEG, SR.
    public static final int AcquisitionContextSequence = 0x00400555;
    public static final int AnatomicRegionSequence = 0x00082218;
    public static final int BurnedInAnnotation = 0x00280301;
    public static final int CodeMeaning = 0x00080104;
    public static final int CodeValue = 0x00080100;
    public static final int CodingSchemeDesignator = 0x00080102;
    public static final int CodingSchemeIdentificationSequence = 0x00080110;
    public static final int CodingSchemeName = 0x00080115;
    public static final int CodingSchemeResponsibleOrganization = 0x00080116;
    public static final int CodingSchemeVersion = 0x00080103;
    public static final int CompletionFlag = 0x0040A491;
    public static final int ConceptCodeSequence = 0x0040A168;
    public static final int ConceptNameCodeSequence = 0x0040A043;
    public static final int ContentCreatorName = 0x00700084;
    public static final int ContentDescription = 0x00700081;
    public static final int ContentLabel = 0x00700080;
    public static final int ContentQualification = 0x00189004;
    public static final int ContentSequence = 0x0040A730;
    public static final int ContentTemplateSequence = 0x0040A504;
    public static final int ContinuityOfContent = 0x0040A050;
    public static final int ConversionType = 0x00080064;
    public static final int CurrentRequestedProcedureEvidenceSequence = 0x0040A375;
    public static final int DerivationCodeSequence = 0x00089215;
    public static final int DerivationDescription = 0x00082111;
    public static final int DerivationImageSequence = 0x00089124;
    public static final int DeviceSerialNumber = 0x00181000;
    public static final int DimensionDescriptionLabel = 0x00209421;
    public static final int DimensionIndexPointer = 0x00209165;
    public static final int DimensionIndexSequence = 0x00209222;
    public static final int DimensionIndexValues = 0x00209157;
    public static final int DimensionOrganizationSequence = 0x00209221;
    public static final int DimensionOrganizationType = 0x00209311;
    public static final int DimensionOrganizationUID = 0x00209164;
    public static final int DoubleFloatRealWorldValueFirstValueMapped = 0x00409214;
    public static final int DoubleFloatRealWorldValueLastValueMapped = 0x00409213;
    public static final int FloatPixelPaddingRangeLimit = 0x00280124;
    public static final int FloatPixelPaddingValue = 0x00280122;
    public static final int FrameAnatomySequence = 0x00209071;
    public static final int FrameContentSequence = 0x00209111;
    public static final int FrameLaterality = 0x00209072;
    public static final int FrameType = 0x00089007;
    public static final int FrameVOILUTSequence = 0x00289132;
    public static final int FunctionalGroupPointer = 0x00209167;
    public static final int ImageLaterality = 0x00200062;
    public static final int InStackPositionNumber = 0x00209057;
    public static final int LUTExplanation = 0x00283003;
    public static final int LUTLabel = 0x00409210;
    public static final int LargestImagePixelValue = 0x00280107;
    public static final int Laterality = 0x00200060;
    public static final int LossyImageCompression = 0x00282110;
    public static final int MappingResource = 0x00080105;
    public static final int MeasuredValueSequence = 0x0040A300;
    public static final int MeasurementUnitsCodeSequence = 0x004008EA;
    public static final int NumericValue = 0x0040A30A;
    public static final int ObservationDateTime = 0x0040A032;
    public static final int ParametricMapFrameTypeSequence = 0x00409092;
    public static final int PatientOrientation = 0x00200020;
    public static final int PerFrameFunctionalGroupsSequence = 0x52009230;
    public static final int PerformedProcedureCodeSequence = 0x0040A372;
    public static final int PixelMeasuresSequence = 0x00289110;
    public static final int PixelPaddingValue = 0x00280120;
    public static final int PixelPresentation = 0x00089205;
    public static final int PixelValueTransformationSequence = 0x00289145;
    public static final int PlanarConfiguration = 0x00280006;
    public static final int PlaneOrientationSequence = 0x00209116;
    public static final int PlanePositionSequence = 0x00209113;
    public static final int PresentationLUTShape = 0x20500020;
    public static final int PurposeOfReferenceCodeSequence = 0x0040A170;
    public static final int QuantityDefinitionSequence = 0x00409220;
    public static final int RealWorldValueFirstValueMapped = 0x00409216;
    public static final int RealWorldValueIntercept = 0x00409224;
    public static final int RealWorldValueLastValueMapped = 0x00409211;
    public static final int RealWorldValueMappingSequence = 0x00409096;
    public static final int RealWorldValueSlope = 0x00409225;
    public static final int RecognizableVisualFeatures = 0x00280302;
    public static final int RecommendedDisplayCIELabValue = 0x0062000D;
    public static final int ReferencedFrameNumber = 0x00081160;
    public static final int ReferencedImageSequence = 0x00081140;
    public static final int ReferencedInstanceSequence = 0x0008114A;
    public static final int ReferencedPerformedProcedureStepSequence = 0x00081111;
    public static final int ReferencedRequestSequence = 0x0040A370;
    public static final int ReferencedSOPSequence = 0x00081199;
    public static final int ReferencedSegmentNumber = 0x0062000B;
    public static final int ReferencedSeriesSequence = 0x00081115;
    public static final int RelationshipType = 0x0040A010;
    public static final int SOPClassesInStudy = 0x00080062;
    public static final int SegmentAlgorithmName = 0x00620009;
    public static final int SegmentAlgorithmType = 0x00620008;
    public static final int SegmentDescription = 0x00620006;
    public static final int SegmentIdentificationSequence = 0x0062000A;
    public static final int SegmentLabel = 0x00620005;
    public static final int SegmentNumber = 0x00620004;
    public static final int SegmentSequence = 0x00620002;
    public static final int SegmentationType = 0x00620001;
    public static final int SegmentedPropertyCategoryCodeSequence = 0x00620003;
    public static final int SegmentedPropertyTypeCodeSequence = 0x0062000F;
    public static final int SegmentsOverlap = 0x00620013;
    public static final int SharedFunctionalGroupsSequence = 0x52009229;
    public static final int SmallestImagePixelValue = 0x00280106;
    public static final int SourceImageSequence = 0x00082112;
    public static final int StackID = 0x00209056;
    public static final int TemplateIdentifier = 0x0040DB00;
    public static final int TextValue = 0x0040A160;
    public static final int UID = 0x0040A124;
    public static final int ValueType = 0x0040A040;
    public static final int VerificationFlag = 0x0040A493;
    public static final int VolumeBasedCalculationTechnique = 0x00089207;
    public static final int VolumetricProperties = 0x00089206;
    public static final int WindowCenterWidthExplanation = 0x00281055;

    public static final int PixelData = 0x7FE00010;
    public static final int FloatPixelData = 0x7FE00008;
    public static final int DoubleFloatPixelData = 0x7FE00009;

    public static int group(int tag) { return tag >>> 16; }

    public static int element(int tag) { return tag & 0xFFFF; }

    /** Formats as "(gggg,eeee)" with upper-case hex digits. */
    public static String toString(int tag) {
        char[] c = new char[11];
        c[0] = '(';
        c[5] = ',';
        c[10] = ')';
        for (int i = 0; i < 4; i++) {
            c[4 - i] = HEX[(tag >>> (16 + 4 * i)) & 0xF];
            c[9 - i] = HEX[(tag >>> (4 * i)) & 0xF];
        }
        return new String(c);
    }

    /** True for tags in odd groups other than 0001, 0003, 0005, 0007 and FFFF (PS3.5 7.8). */
    public static boolean isPrivate(int tag) {
        int group = tag >>> 16;
        return (group & 1) != 0 && group > 0x0007 && group != 0xFFFF;
    }

    /** True for (gggg,0010-00FF) in a private group: the Private Creator elements, VR LO. */
    public static boolean isPrivateCreator(int tag) {
        int element = tag & 0xFFFF;
        return isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
    }

    /** True for (gggg,0000): Group Length elements, VR UL. */
    public static boolean isGroupLength(int tag) {
        return (tag & 0xFFFF) == 0;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
