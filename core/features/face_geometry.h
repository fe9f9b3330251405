#pragma once
// Action-unit and head-pose measures from FaceMesh's 468 landmarks (face_networks.h). FACS action
// units are muscle actions that a coder judges from video; these are the geometric proxies that
// automatic work uses for them: distances between landmarks, with the head's roll taken out and
// divided by the distance between the eye centres, so that they do not change with the face's
// size or tilt in the picture. Coordinates: image axes (x right, y down), z away from the camera.
//
//   au12_lip_corner_pull       height of the mouth corners (61, 291) above the middle of the inner
//                              lips (13, 14); rises with a smile
//   au15_lip_corner_depressor  depth of the mouth corners below the middle of the outer lips (0, 17);
//                              rises when the corners are pulled down
//   au1_inner_brow_raise       height of the inner brow ends (107, 336) above the inner eye corners
//                              (133, 362)
//   au2_outer_brow_raise       height of the outer brow ends (70, 300) above the outer eye corners
//                              (33, 263)
//   au4_brow_lowerer           how far the inner brow ends lie below the outer ones (frowning brows
//                              are drawn down in the middle)
//   au25_lips_part             gap between the inner lips (13, 14)
//   au26_jaw_drop              distance from the upper lip (0) down to the chin (152)
//   eye_aperture               lid gap (159-145, 386-374) / eye width (33-133, 263-362), both eyes'
//                              mean: wide eyes (AU5) raise it, tightened or closing lids (AU7) lower it
//   head_roll                  tilt of the line through the eye centres, radians, positive when the
//                              eye on the image's right is lower (as the Haar path measures it)
//   head_yaw                   turn of the face about the vertical axis, radians, from the depth
//                              difference of the face's sides (234, 454); positive when the face
//                              turns towards the image's right (its left side moves away)
//   head_pitch                 bow of the head, radians, from the depth difference of forehead (10)
//                              and chin (152); a frontal face is not 0 (the forehead slopes back)
#include <opencv2/core/types.hpp>

#include <vector>

namespace sl::features {

struct FaceGeometry {
    float au12 = 0, au15 = 0, au1 = 0, au2 = 0, au4 = 0, au25 = 0, au26 = 0, eyeAperture = 0;
    float roll = 0, yaw = 0, pitch = 0;
};

// mesh: FaceMesh's kMeshPoints landmarks in frame pixels. Throws sl::Error for another count.
FaceGeometry faceGeometry(const std::vector<cv::Point3f> &mesh);

}  // namespace sl::features
