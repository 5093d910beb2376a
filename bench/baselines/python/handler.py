# BASELINE, not the product: the tutorial's Python handler — qrcode + Pillow,
# error correction L, 10 px per module, 4-module border, black on white.
import base64
import io
import json

import qrcode


def lambda_handler(event, context):
    body = json.loads(event["body"])
    url = body["url"]
    qr = qrcode.QRCode(version=1, error_correction=qrcode.constants.ERROR_CORRECT_L, box_size=10, border=4)
    qr.add_data(url)
    qr.make(fit=True)
    img = qr.make_image(fill_color="black", back_color="white")
    buffer = io.BytesIO()
    img.save(buffer, format="PNG")
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(
            {"message": "QR Code generated successfully", "qr_code": base64.b64encode(buffer.getvalue()).decode("utf-8"), "url": url}
        ),
    }
