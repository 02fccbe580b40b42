package org.ts4kit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import org.ts4kit.resource.ImageInfo;
import org.ts4kit.resource.PackageNames;
import org.ts4kit.resource.ResourceDetails;
import org.ts4kit.resource.ResourceTypes;

/**
 * {@link ImageInfo#sniff} and the size of {@link ResourceDetails#of} on any bytes. Neither documents
 * an exception for content, so none may escape. The answer must not depend on how the bytes are held
 * (array, slice of a larger array, direct buffer), and the details of an image type (their own
 * allocation-free path) must state exactly the size the sniffer reads.
 */
class ImageInfoFuzzTest {
    private static final int[] IMAGE_TYPES = {
        ResourceTypes.DST_IMAGE, 0xB6C8B6A0, ResourceTypes.RLE2_IMAGE, ResourceTypes.RLES_IMAGE, ResourceTypes.PNG_IMAGE,
        0x3C1AF1F2, 0xE88DB35F,
    };

    @FuzzTest(maxDuration = "2m")
    void sniff(byte[] data) {
        ImageInfo info = ImageInfo.sniff(data);
        if (info.width() < -1 || info.height() < -1 || info.hasSize() != (info.width() >= 0 && info.height() >= 0)) {
            throw new AssertionError("an impossible size: " + info);
        }
        byte[] padded = Inputs.padded(data);
        Inputs.same(info.toString(), ImageInfo.sniff(ByteBuffer.wrap(padded, Inputs.PAD, data.length)).toString(),
                ImageInfo.sniff(Inputs.direct(data)).toString());

        int type = IMAGE_TYPES[Math.floorMod(data.length, IMAGE_TYPES.length)];
        ResourceDetails details = ResourceDetails.of(type, 1, Inputs.direct(data), PackageNames.NONE);
        if (details.hasSize() != info.hasSize() || details.width() != info.width() || details.height() != info.height()
                || details.name() != null) {
            throw new AssertionError("details " + details + " of type " + Integer.toHexString(type) + ", the sniffer says " + info);
        }
    }
}
