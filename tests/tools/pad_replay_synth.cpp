// A SYNTHETIC screen-replay set for issue 20's replay check: every source
// frame gives two 640x480 JPEGs made by the same simulated webcam with the
// same parameters, one seeing the source directly (bona fide) and one seeing
// it shown on a rendered screen (attack "replay:synthetic-screen"), so that
// the only difference between the two is the screen. Nothing here is a
// recording of a real screen: figures measured on this set are labelled
// synthetic (docs/pad-eval.md).
//
//   pad_replay_synth DATASETS_DIR --out DIR [--seed N] [--clip-step N] [--pad-step N]
//
// Sources (identity in the subject column, so that leave-subjects-out works):
//  - faces-dev/video/short_hamilton_clip.mp4, every clip-step-th frame (5) of
//    frames 90-210, where Lin-Manuel Miranda fills the view (datasets README);
//    subject "lin_manuel_miranda", one session;
//  - the 22 studio portraits of faces-dev/single, subject = their identity
//    (the folder), one session each;
//  - every pad-step-th (4) bona fide frame of pad-dev, subject "pad-<subject>",
//    sessions as in pad-dev.
// Output: DIR/labels.csv (path,label,attack_type,subject as pad-dev's, bona
// fide rows with attack_type "none" like pad-dev's), DIR/bonafide/<subject>/
// <session>_<frame>.jpg and DIR/attack/<subject>/screen-<session>_<frame>.jpg;
// the session prefix is everything before the last '_', as in pad-dev.
//
// What is modelled. Light is handled linearly (sources decoded with gamma
// 2.2); the scene is rendered at 5x the camera's resolution (3200x2400).
//  - Screen: the source cover-cropped to the screen's aspect (4:3, 16:10, 16:9
//    or a portrait 3:4) and resampled to the screen's own pixel count, chosen
//    so that one screen pixel spans 0.7-2.0 camera pixels (a monitor near the
//    camera to a phone farther away); every screen pixel is three RGB
//    sub-pixel stripes with a darker black-matrix row, rendered as texels at
//    >= 1.17 scene pixels each. Display transfer: own gamma 1.9-2.6, black
//    level 0.01-0.06, white 0.6-0.95 of the camera's full scale, a colour cast
//    (bluish more often than not). A bezel (3-10% of the screen's height, dark
//    plastic or grey metal) around the active area.
//  - Glare: a reflection on the glass (screen and bezel) added in linear
//    light: an elongated Gaussian specular patch (peak 0.03-0.45) and a
//    uniform veil (0.005-0.04) that lowers contrast.
//  - Pose: the device fills 60-105% of the view's height (so its edges are
//    cut at times), off-centre by up to 8%, turned by yaw/pitch up to 14
//    degrees and rolled up to 6, projected by a pinhole of ~64 degrees of
//    horizontal field; the room around it is smooth random tones with a few
//    blurred shapes (walls, furniture), not a real room.
//  - Camera (the same for both outputs of one source): lens blur (Gaussian,
//    0.45-0.9 camera pixels) before the sensor, the sensor's integration over
//    its pixel area (area resampling from the 5x scene; this sampling of the
//    screen's pixel grid is what makes the moire: none is painted), a Bayer
//    RGGB mosaic with shot and read noise, bilinear demosaicing, exposure gain
//    0.9-1.15, gamma 2.2 encoding, JPEG quality 82-88.
//  - Parameters are drawn from a fixed seed: per session (the device, its
//    screen, the room) and per frame (hand shake of the pose and glare, the
//    camera's blur, gain, noise and JPEG quality), so that consecutive frames
//    of one session look like one screen held by hand.
// What is not modelled: the screen's refresh and PWM flicker and rolling-
// shutter banding, reflections of the room or the operator in the glass
// (the glare is a smooth patch), the viewing-angle falloff of real panels,
// PenTile or other sub-pixel layouts, rounded corners, hands holding the
// device, real optics (distortion, vignetting, chromatic aberration, depth of
// field) and a real camera's processing (auto exposure and white balance,
// sharpening, denoising). The bona fide outputs of faces-dev are re-captures of
// photographs taken by other cameras, seen "directly" by the simulated one.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <random>
#include <vector>

namespace {

constexpr int kOutWidth = 640;
constexpr int kOutHeight = 480;
constexpr int kSuper = 5; // scene pixels per camera pixel, each way
constexpr int kSceneWidth = kOutWidth * kSuper;
constexpr int kSceneHeight = kOutHeight * kSuper;
constexpr double kDisplayGamma = 2.2; // the sources' encoding, and the camera's
constexpr int kClipFirst = 90, kClipLast = 210; // Lin-Manuel Miranda fills the view
constexpr double kPi = 3.14159265358979323846;

struct Source {
    cv::Mat bgr;     // 8-bit BGR as read
    QString subject; // identity
    QString session; // file-name prefix of the session's frames
    int frame = 0;
};

// Deterministic per key: the same session or frame gets the same parameters
// whatever the order or the subset generated.
std::mt19937_64 rngFor(quint64 seed, const QString& key)
{
    quint64 h = 1469598103934665603ULL ^ seed;
    for (const QChar c : key) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    return std::mt19937_64(h);
}

double uniform(std::mt19937_64& rng, double lo, double hi)
{
    return std::uniform_real_distribution<double>(lo, hi)(rng);
}

// The device, its screen and the room: one per session.
struct ScreenParams {
    double aspect = 4.0 / 3.0;  // active area width / height
    double heightInView = 0.8;  // device (with bezel) height / view height
    double centreX = 0.0, centreY = 0.0; // offset of the device's centre, fraction of the view
    double yaw = 0.0, pitch = 0.0, roll = 0.0; // degrees
    double bezel = 0.05;        // each side, fraction of the active area's height
    double bezelLevel = 0.03;   // linear
    double pitchInCamera = 1.0; // one screen pixel, in camera pixels (frontal)
    double gamma = 2.2, black = 0.03, white = 0.85;
    std::array<double, 3> cast{1.0, 1.0, 1.0}; // B, G, R gains
    double matrixRow = 0.5;     // black-matrix row's transmission
    double glarePeak = 0.2, glareU = 0.5, glareV = 0.3, glareSigmaU = 0.2, glareSigmaV = 0.1, glareAngle = 0.0;
    double veil = 0.01;
    std::array<double, 3> wall{0.2, 0.2, 0.2};
    quint64 roomSeed = 0;
};

ScreenParams sessionScreen(std::mt19937_64& rng)
{
    ScreenParams p;
    static const std::array<double, 4> aspects{4.0 / 3.0, 16.0 / 10.0, 16.0 / 9.0, 3.0 / 4.0};
    p.aspect = aspects[std::uniform_int_distribution<size_t>(0, aspects.size() - 1)(rng)];
    p.heightInView = uniform(rng, 0.60, 1.05);
    p.centreX = uniform(rng, -0.08, 0.08);
    p.centreY = uniform(rng, -0.08, 0.08);
    p.yaw = uniform(rng, -14.0, 14.0);
    p.pitch = uniform(rng, -14.0, 14.0);
    p.roll = uniform(rng, -6.0, 6.0);
    p.bezel = uniform(rng, 0.03, 0.10);
    p.bezelLevel = uniform(rng, 0.0, 1.0) < 0.75 ? uniform(rng, 0.005, 0.04) : uniform(rng, 0.08, 0.25);
    p.pitchInCamera = uniform(rng, 0.7, 2.0);
    p.gamma = uniform(rng, 1.9, 2.6);
    p.black = uniform(rng, 0.01, 0.06);
    p.white = uniform(rng, 0.60, 0.95);
    p.cast = {uniform(rng, 0.95, 1.12), uniform(rng, 0.95, 1.05), uniform(rng, 0.88, 1.02)};
    p.matrixRow = uniform(rng, 0.3, 0.7);
    p.glarePeak = uniform(rng, 0.03, 0.45);
    p.glareU = uniform(rng, 0.1, 0.9);
    p.glareV = uniform(rng, 0.1, 0.9);
    p.glareSigmaU = uniform(rng, 0.08, 0.35);
    p.glareSigmaV = uniform(rng, 0.04, 0.15);
    p.glareAngle = uniform(rng, 0.0, kPi);
    p.veil = uniform(rng, 0.005, 0.04);
    const double grey = uniform(rng, 0.04, 0.45);
    p.wall = {grey * uniform(rng, 0.8, 1.2), grey * uniform(rng, 0.9, 1.1), grey * uniform(rng, 0.8, 1.2)};
    p.roomSeed = rng();
    return p;
}

// Hand shake between frames of one session.
ScreenParams shaken(ScreenParams p, std::mt19937_64& rng)
{
    p.centreX += uniform(rng, -0.01, 0.01);
    p.centreY += uniform(rng, -0.01, 0.01);
    p.yaw += uniform(rng, -1.0, 1.0);
    p.pitch += uniform(rng, -1.0, 1.0);
    p.roll += uniform(rng, -0.5, 0.5);
    p.glareU += uniform(rng, -0.03, 0.03);
    p.glareV += uniform(rng, -0.03, 0.03);
    return p;
}

// The webcam: drawn per frame, used for both outputs of a source.
struct CameraParams {
    double blur = 0.6;     // lens, camera pixels
    double gain = 1.0;
    double readNoise = 0.004; // linear
    double shotNoise = 0.001; // variance per unit of linear signal
    int jpegQuality = 85;
    quint64 noiseSeed = 0;
};

CameraParams frameCamera(std::mt19937_64& rng)
{
    CameraParams c;
    c.blur = uniform(rng, 0.45, 0.9);
    c.gain = uniform(rng, 0.9, 1.15);
    c.readNoise = uniform(rng, 0.002, 0.008);
    c.shotNoise = uniform(rng, 0.0005, 0.002);
    c.jpegQuality = std::uniform_int_distribution<int>(82, 88)(rng);
    c.noiseSeed = rng();
    return c;
}

// 8-bit gamma-encoded BGR -> linear float.
cv::Mat toLinear(const cv::Mat& bgr8)
{
    cv::Mat f;
    bgr8.convertTo(f, CV_32FC3, 1.0 / 255.0);
    cv::pow(f, kDisplayGamma, f);
    return f;
}

// The largest region of `image` with this aspect ratio, centred across and a
// fifth of the way down a tall image (portraits have the face high: centred,
// a landscape crop of a tall portrait shows the chest).
cv::Mat coverCrop(const cv::Mat& image, double aspect)
{
    int w = image.cols, h = image.rows;
    if (double(w) / h > aspect)
        w = std::max(1, int(std::lround(h * aspect)));
    else
        h = std::max(1, int(std::lround(w / aspect)));
    return image(cv::Rect((image.cols - w) / 2, (image.rows - h) / 5, w, h));
}

// The webcam seeing a linear scene of kSceneWidth x kSceneHeight: lens blur,
// the sensor's area integration, exposure, Bayer mosaic with noise,
// demosaicing, gamma encoding; the JPEG bytes.
std::vector<uchar> capture(const cv::Mat& scene, const CameraParams& c)
{
    cv::Mat blurred, sensor;
    cv::GaussianBlur(scene, blurred, cv::Size(), c.blur * kSuper);
    cv::resize(blurred, sensor, cv::Size(kOutWidth, kOutHeight), 0, 0, cv::INTER_AREA);
    sensor *= c.gain;

    // RGGB: R at (even, even), B at (odd, odd), G elsewhere.
    std::mt19937_64 rng(c.noiseSeed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    cv::Mat mosaic(kOutHeight, kOutWidth, CV_16UC1);
    for (int y = 0; y < kOutHeight; ++y) {
        const auto* in = sensor.ptr<cv::Vec3f>(y);
        auto* out = mosaic.ptr<quint16>(y);
        for (int x = 0; x < kOutWidth; ++x) {
            const int channel = (y % 2 == 0 && x % 2 == 0) ? 2 : (y % 2 == 1 && x % 2 == 1) ? 0 : 1;
            const float signal = std::max(0.0f, in[x][channel]);
            const float sigma = std::sqrt(float(c.shotNoise) * signal + float(c.readNoise * c.readNoise));
            const float v = std::clamp(signal + sigma * normal(rng), 0.0f, 1.0f);
            out[x] = quint16(std::lround(v * 65535.0f));
        }
    }
    // OpenCV names Bayer patterns by the second row's second and third pixels:
    // an RGGB sensor is its "BG" pattern.
    cv::Mat demosaiced, encoded, bgr8;
    cv::demosaicing(mosaic, demosaiced, cv::COLOR_BayerBG2BGR);
    demosaiced.convertTo(encoded, CV_32FC3, 1.0 / 65535.0);
    cv::pow(encoded, 1.0 / kDisplayGamma, encoded);
    encoded.convertTo(bgr8, CV_8UC3, 255.0);
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", bgr8, jpeg, {cv::IMWRITE_JPEG_QUALITY, c.jpegQuality});
    return jpeg;
}

// The source as the world the camera sees directly: cover-cropped to 4:3 and
// sampled to the scene's resolution, linear.
cv::Mat directScene(const cv::Mat& source)
{
    cv::Mat scene;
    cv::resize(toLinear(coverCrop(source, double(kOutWidth) / kOutHeight)), scene,
               cv::Size(kSceneWidth, kSceneHeight), 0, 0, cv::INTER_LINEAR);
    return scene;
}

// Smooth random tones: a wall with a vertical gradient, a few blurred shapes.
cv::Mat room(const ScreenParams& p)
{
    std::mt19937_64 rng(p.roomSeed);
    const cv::Size small(kOutWidth / 2, kOutHeight / 2);
    cv::Mat wall(small, CV_32FC3);
    const double slope = uniform(rng, -0.4, 0.4);
    for (int y = 0; y < small.height; ++y) {
        const double f = 1.0 + slope * (double(y) / small.height - 0.5);
        wall.row(y).setTo(cv::Scalar(p.wall[0] * f, p.wall[1] * f, p.wall[2] * f));
    }
    const int shapes = std::uniform_int_distribution<int>(2, 6)(rng);
    for (int i = 0; i < shapes; ++i) {
        const int x = std::uniform_int_distribution<int>(0, small.width - 1)(rng);
        const int y = std::uniform_int_distribution<int>(0, small.height - 1)(rng);
        const int w = std::uniform_int_distribution<int>(small.width / 10, small.width / 2)(rng);
        const int h = std::uniform_int_distribution<int>(small.height / 10, small.height)(rng);
        const double tone = uniform(rng, 0.02, 0.6);
        cv::rectangle(wall, cv::Rect(x - w / 2, y - h / 2, w, h),
                      cv::Scalar(tone * uniform(rng, 0.7, 1.3), tone * uniform(rng, 0.7, 1.3),
                                 tone * uniform(rng, 0.7, 1.3)),
                      cv::FILLED);
    }
    cv::GaussianBlur(wall, wall, cv::Size(), 4.0);
    cv::Mat scene;
    cv::resize(wall, scene, cv::Size(kSceneWidth, kSceneHeight), 0, 0, cv::INTER_LINEAR);
    return scene;
}

// The device as a texture of texels (three per screen pixel each way): bezel,
// sub-pixel stripes of the displayed source, glare on the glass; linear.
cv::Mat deviceTexture(const cv::Mat& source, const ScreenParams& p, int screenWidth, int screenHeight)
{
    // The displayed image at the screen's pixel count, through its transfer.
    cv::Mat shown;
    cv::resize(coverCrop(source, p.aspect), shown, cv::Size(screenWidth, screenHeight), 0, 0, cv::INTER_AREA);
    shown.convertTo(shown, CV_32FC3, 1.0 / 255.0);
    cv::pow(shown, p.gamma, shown);
    shown = shown * (p.white - p.black) + cv::Scalar::all(p.black);
    cv::multiply(shown, cv::Scalar(p.cast[0], p.cast[1], p.cast[2]), shown);

    // Sub-pixels: columns R, G, B of each pixel (each carries 3x its channel
    // so that the pixel's mean is the colour shown), the third row dimmed by
    // the black matrix (rows rescaled to keep the mean).
    cv::Mat texels;
    cv::resize(shown, texels, cv::Size(screenWidth * 3, screenHeight * 3), 0, 0, cv::INTER_NEAREST);
    const float rowGain = float(3.0 / (2.0 + p.matrixRow));
    cv::Mat cell(3, 3, CV_32FC3, cv::Scalar::all(0));
    for (int r = 0; r < 3; ++r)
        for (int col = 0; col < 3; ++col) {
            cv::Vec3f v(0, 0, 0);
            v[2 - col] = 3.0f * rowGain * (r == 2 ? float(p.matrixRow) : 1.0f); // col 0 = R (BGR index 2)
            cell.at<cv::Vec3f>(r, col) = v;
        }
    cv::Mat mask;
    cv::repeat(cell, screenHeight, screenWidth, mask);
    cv::multiply(texels, mask, texels);

    // The bezel around it.
    const int border = std::max(1, int(std::lround(p.bezel * texels.rows)));
    cv::Mat device;
    cv::copyMakeBorder(texels, device, border, border, border, border, cv::BORDER_CONSTANT,
                       cv::Scalar::all(p.bezelLevel));

    // Glare on the glass: computed small (it is smooth), added in linear light.
    const cv::Size small(std::max(8, device.cols / 16), std::max(8, device.rows / 16));
    cv::Mat glare(small, CV_32FC3);
    const double ca = std::cos(p.glareAngle), sa = std::sin(p.glareAngle);
    for (int y = 0; y < small.height; ++y)
        for (int x = 0; x < small.width; ++x) {
            const double u = double(x) / small.width - p.glareU, v = double(y) / small.height - p.glareV;
            const double a = (ca * u + sa * v) / p.glareSigmaU, b = (-sa * u + ca * v) / p.glareSigmaV;
            const float g = float(p.veil + p.glarePeak * std::exp(-0.5 * (a * a + b * b)));
            glare.at<cv::Vec3f>(y, x) = cv::Vec3f(g, g, g);
        }
    cv::Mat glareFull;
    cv::resize(glare, glareFull, device.size(), 0, 0, cv::INTER_LINEAR);
    device += glareFull;
    return device;
}

// The device's corners in the scene: a rectangle of the given size (scene
// pixels) turned by yaw, pitch and roll about its centre and seen by a pinhole
// camera whose focal length gives ~64 degrees of horizontal field.
std::array<cv::Point2f, 4> projectedCorners(const ScreenParams& p, double width, double height)
{
    const double f = 0.8 * kSceneWidth;
    const double ya = p.yaw * kPi / 180.0, pa = p.pitch * kPi / 180.0, ra = p.roll * kPi / 180.0;
    const cv::Matx33d rollM(std::cos(ra), -std::sin(ra), 0, std::sin(ra), std::cos(ra), 0, 0, 0, 1);
    const cv::Matx33d yawM(std::cos(ya), 0, std::sin(ya), 0, 1, 0, -std::sin(ya), 0, std::cos(ya));
    const cv::Matx33d pitchM(1, 0, 0, 0, std::cos(pa), -std::sin(pa), 0, std::sin(pa), std::cos(pa));
    const cv::Matx33d rotation = yawM * pitchM * rollM;
    const double cx = kSceneWidth * (0.5 + p.centreX), cy = kSceneHeight * (0.5 + p.centreY);
    std::array<cv::Point2f, 4> corners;
    const std::array<cv::Vec3d, 4> local{cv::Vec3d(-width / 2, -height / 2, 0), cv::Vec3d(width / 2, -height / 2, 0),
                                         cv::Vec3d(width / 2, height / 2, 0), cv::Vec3d(-width / 2, height / 2, 0)};
    for (size_t i = 0; i < 4; ++i) {
        const cv::Vec3d q = rotation * local[i];
        const double z = f + q[2];
        corners[i] = cv::Point2f(float(cx + f * q[0] / z), float(cy + f * q[1] / z));
    }
    return corners;
}

// The source shown on the session's screen, in its room: the linear scene.
cv::Mat screenScene(const cv::Mat& source, const ScreenParams& p)
{
    // Sizes in scene pixels at a frontal view.
    const double deviceHeight = p.heightInView * kSceneHeight;
    const double activeHeight = deviceHeight / (1.0 + 2.0 * p.bezel);
    const double activeWidth = activeHeight * p.aspect;
    const double screenPixel = p.pitchInCamera * kSuper;
    const int screenHeight = std::max(16, int(std::lround(activeHeight / screenPixel)));
    const int screenWidth = std::max(16, int(std::lround(activeWidth / screenPixel)));
    const cv::Mat device = deviceTexture(source, p, screenWidth, screenHeight);

    const double scale = activeHeight / (screenHeight * 3.0); // scene pixels per texel
    const std::array<cv::Point2f, 4> to = projectedCorners(p, device.cols * scale, device.rows * scale);
    const std::array<cv::Point2f, 4> from{cv::Point2f(0, 0), cv::Point2f(float(device.cols), 0),
                                          cv::Point2f(float(device.cols), float(device.rows)),
                                          cv::Point2f(0, float(device.rows))};
    const cv::Mat h = cv::getPerspectiveTransform(from.data(), to.data());
    cv::Mat scene = room(p);
    cv::warpPerspective(device, scene, h, scene.size(), cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
    return scene;
}

std::vector<Source> clipSources(const QString& datasets, int step, QString* error)
{
    const QString path = datasets + QStringLiteral("/faces-dev/video/short_hamilton_clip.mp4");
    cv::VideoCapture video(path.toStdString());
    if (!video.isOpened()) {
        *error = QStringLiteral("%1: cannot open the clip").arg(path);
        return {};
    }
    std::vector<Source> sources;
    cv::Mat frame;
    for (int index = 0; index <= kClipLast && video.read(frame); ++index)
        if (index >= kClipFirst && (index - kClipFirst) % step == 0)
            sources.push_back({frame.clone(), QStringLiteral("lin_manuel_miranda"),
                               QStringLiteral("clip-lin_manuel_miranda"), index});
    if (sources.empty())
        *error = QStringLiteral("%1: no frame read").arg(path);
    return sources;
}

// Rows of a simple CSV (no quoted commas in these files).
std::optional<std::vector<QStringList>> readCsv(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    std::vector<QStringList> rows;
    QTextStream in(&file);
    in.readLine(); // header
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (!line.isEmpty())
            rows.push_back(line.split(QLatin1Char(',')));
    }
    return rows;
}

bool portraitSources(const QString& datasets, std::vector<Source>& sources, QString* error)
{
    const QString root = datasets + QStringLiteral("/faces-dev");
    const auto rows = readCsv(root + QStringLiteral("/labels.csv"), error);
    if (!rows)
        return false;
    for (const QStringList& row : *rows) {
        if (row.size() < 2)
            continue;
        const cv::Mat image = cv::imread((root + QLatin1Char('/') + row[0]).toStdString(), cv::IMREAD_COLOR);
        if (image.empty()) {
            *error = QStringLiteral("%1/%2: cannot read the image").arg(root, row[0]);
            return false;
        }
        sources.push_back({image, row[1],
                           QStringLiteral("single-%1-%2").arg(row[1], QFileInfo(row[0]).completeBaseName()), 0});
    }
    return true;
}

bool padSources(const QString& datasets, int step, std::vector<Source>& sources, QString* error)
{
    const QString root = datasets + QStringLiteral("/pad-dev");
    const auto rows = readCsv(root + QStringLiteral("/labels.csv"), error);
    if (!rows)
        return false;
    int bonaFide = 0;
    for (const QStringList& row : *rows) {
        if (row.size() < 4 || row[1] != QLatin1String("bonafide") || bonaFide++ % step != 0)
            continue;
        const QString stem = QFileInfo(row[0]).completeBaseName();
        const qsizetype cut = stem.lastIndexOf(QLatin1Char('_'));
        const cv::Mat image = cv::imread((root + QLatin1Char('/') + row[0]).toStdString(), cv::IMREAD_COLOR);
        if (cut < 0 || image.empty()) {
            *error = QStringLiteral("%1/%2: cannot read the frame or its session").arg(root, row[0]);
            return false;
        }
        sources.push_back({image, QStringLiteral("pad-") + row[3], QStringLiteral("pad-") + stem.left(cut),
                           stem.mid(cut + 1).toInt()});
    }
    return true;
}

bool writeBytes(const QString& path, const std::vector<uchar>& bytes, QString* error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(reinterpret_cast<const char*>(bytes.data()), qint64(bytes.size())) != qint64(bytes.size())) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

int fail(const QString& message)
{
    std::fprintf(stderr, "pad_replay_synth: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes a synthetic screen-replay set (issue 20)."));
    parser.addPositionalArgument(QStringLiteral("DATASETS_DIR"), QStringLiteral("the shared data sets"));
    parser.addOption({QStringLiteral("out"), QStringLiteral("output folder (outside the repository)"), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("random seed (default 20)"), QStringLiteral("N"),
                      QStringLiteral("20")});
    parser.addOption({QStringLiteral("clip-step"), QStringLiteral("every N-th clip frame (default 5)"),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("pad-step"), QStringLiteral("every N-th pad-dev bona fide frame (default 4)"),
                      QStringLiteral("N"), QStringLiteral("4")});
    parser.addHelpOption();
    parser.process(app);
    bool seedOk = false, clipOk = false, padOk = false;
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    const int clipStep = parser.value(QStringLiteral("clip-step")).toInt(&clipOk);
    const int padStep = parser.value(QStringLiteral("pad-step")).toInt(&padOk);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("out")) || !seedOk || !clipOk
        || !padOk || clipStep < 1 || clipStep > 100 || padStep < 1 || padStep > 1000)
        return fail(QStringLiteral("usage: pad_replay_synth DATASETS_DIR --out DIR [--seed N] [--clip-step 1..100] "
                                   "[--pad-step 1..1000]"));
    const QString datasets = parser.positionalArguments().first();
    const QDir out(parser.value(QStringLiteral("out")));
    if (!QDir().mkpath(out.absolutePath()))
        return fail(QStringLiteral("%1: cannot create the folder").arg(out.absolutePath()));

    QString error;
    std::vector<Source> sources = clipSources(datasets, clipStep, &error);
    if (sources.empty() || !portraitSources(datasets, sources, &error) || !padSources(datasets, padStep, sources, &error))
        return fail(error);

    QStringList labels{QStringLiteral("path,label,attack_type,subject")};
    for (size_t i = 0; i < sources.size(); ++i) {
        const Source& s = sources[i];
        const QString frameKey = QStringLiteral("%1_%2").arg(s.session).arg(s.frame);
        std::mt19937_64 sessionRng = rngFor(seed, s.session);
        std::mt19937_64 frameRng = rngFor(seed, frameKey);
        const CameraParams camera = frameCamera(frameRng);
        const ScreenParams screen = shaken(sessionScreen(sessionRng), frameRng);

        const QString bonaPath = QStringLiteral("bonafide/%1/%2.jpg").arg(s.subject, frameKey);
        const QString attackPath = QStringLiteral("attack/%1/screen-%2.jpg").arg(s.subject, frameKey);
        if (!writeBytes(out.filePath(bonaPath), capture(directScene(s.bgr), camera), &error)
            || !writeBytes(out.filePath(attackPath), capture(screenScene(s.bgr, screen), camera), &error))
            return fail(error);
        labels << QStringLiteral("%1,bonafide,none,%2").arg(bonaPath, s.subject)
               << QStringLiteral("%1,attack,replay:synthetic-screen,%2").arg(attackPath, s.subject);
        std::fprintf(stderr, "\r%zu/%zu", i + 1, sources.size());
    }
    std::fprintf(stderr, "\n");
    QFile csv(out.filePath(QStringLiteral("labels.csv")));
    if (!csv.open(QIODevice::WriteOnly | QIODevice::Text) || csv.write((labels.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()) < 0)
        return fail(QStringLiteral("%1: %2").arg(csv.fileName(), csv.errorString()));
    std::printf("%zu sources -> %zu frames in %s\n", sources.size(), 2 * sources.size(), qPrintable(out.absolutePath()));
    return 0;
}
