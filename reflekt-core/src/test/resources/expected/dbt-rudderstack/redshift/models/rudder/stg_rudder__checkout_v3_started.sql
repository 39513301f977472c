{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('rudder', 'checkout_v3_started') }}
    where received_at < '2030-01-01'
),

renamed as (
    select
        cast(id as varchar(65535)) as event_id,
        cast(event_text as varchar(65535)) as event_name,
        cast(event as varchar(65535)) as event_table,
        cast(original_timestamp as timestamp) as original_tstamp,
        cast(sent_at as timestamp) as sent_at_tstamp,
        cast(received_at as timestamp) as received_at_tstamp,
        cast("timestamp" as timestamp) as tstamp,
        cast(anonymous_id as varchar(65535)) as anonymous_id,
        cast(user_id as varchar(65535)) as user_id,
        cast(channel as varchar(65535)) as channel,
        cast(context_library_name as varchar(65535)) as library_name,
        cast(context_library_version as varchar(65535)) as library_version,
        cast(uuid_ts as timestamp) as uuid_ts,
        cast(cart_value as double precision) as cart_value,
        cast(address_zip_code as varchar(65535)) as address_zip_code,
        cast('track' as varchar(65535)) as call_type,
        cast('rudder' as varchar(65535)) as source_schema,
        cast('checkout_v3_started' as varchar(65535)) as source_table,
        cast('shop/Checkout_v3_Started/1-0.json' as varchar(65535)) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as varchar(65535)) as schema_metadata
    from source
)

select * from renamed
