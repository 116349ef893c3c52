import JWTKit
import Crypto
import AsyncHTTPClient
