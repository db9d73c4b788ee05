"""The web app's routes, one `APIRouter` per concern; `pressnlp.web.app.create_app` includes them."""
