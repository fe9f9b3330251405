// Build-time helper: renders the application's SVG icon to a square PNG of the asked size, so
// that the PNG sizes of the hicolor theme always match the SVG (none is kept in the sources).
// Usage: render_icon ICON.svg SIZE OUT.png
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Raster painting of an SVG without text needs no GUI application (and so no display).
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool sizeOk = false;
    const int size = args.size() == 4 ? args[2].toInt(&sizeOk) : 0;
    if (!sizeOk || size < 8 || size > 4096) {
        std::fprintf(stderr, "usage: render_icon ICON.svg SIZE(8-4096) OUT.png\n");
        return 2;
    }
    QSvgRenderer svg(args[1]);
    if (!svg.isValid()) {
        std::fprintf(stderr, "render_icon: %s: not a readable SVG file\n", qPrintable(args[1]));
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    if (!image.save(args[3], "PNG")) {
        std::fprintf(stderr, "render_icon: %s: cannot be written\n", qPrintable(args[3]));
        return 1;
    }
    return 0;
}
