{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('jaffle_shop', 'cart_viewed') }}
),

renamed as (
    select
        id as event_id,
        event_text as event_name,
        original_timestamp as original_tstamp,
        sent_at as sent_at_tstamp,
        received_at as received_at_tstamp,
        timestamp as tstamp,
        anonymous_id,
        user_id,
        context_library_name as library_name,
        context_library_version as library_version,
        cart_id,
        item_count,
        'track'::varchar as call_type,
        'jaffle_shop'::varchar as source_schema,
        'cart_viewed'::varchar as source_table,
        'jaffle_shop/Cart_Viewed/1-0.json'::varchar as schema_id,
        '{"code_owner": "web", "product_owner": "checkout"}'::varchar as schema_metadata
    from source
)

select * from renamed
