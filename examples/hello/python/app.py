import logging

logger = logging.getLogger()


def handler(event, context):
    name = event.get("name", "world") if isinstance(event, dict) else "world"
    logger.info("greeting %s", name)
    print("hello from python")
    return {"message": "Hello, %s!" % name, "requestId": context.aws_request_id}
